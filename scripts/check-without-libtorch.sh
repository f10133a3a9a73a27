#!/usr/bin/env bash
# Proves that smarten builds and passes its model-free tests without libtorch:
# `cargo build/test --no-default-features` in a mount namespace where every
# libtorch library and header is hidden, with LIBTORCH pointing nowhere, then
# checks that the binary links no libtorch and that torch-sys is not in the
# dependency graph. Where the machine refuses a mount namespace (`unshare -m`),
# the libraries stay visible and the script says so; the other checks still run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if cargo tree --no-default-features -e normal --prefix none | grep -E '^(tch|torch-sys|rust-bert) ' ; then
  echo "error: the build without the minilm feature still depends on libtorch crates" >&2
  exit 1
fi
echo "without libtorch: no tch, torch-sys or rust-bert in the dependency graph"

inner='
set -euo pipefail
shopt -s nullglob
hidden=0
for lib in /usr/lib/*/libtorch* /usr/lib/*/libc10* /usr/lib/*/libcaffe2* /usr/lib/*/libshm.so*; do
  # Hide the real files; the symbolic links to them then lead nowhere too.
  [ -L "$lib" ] || [ ! -f "$lib" ] && continue
  mount --bind /dev/null "$lib"; hidden=$((hidden + 1))
done
empty=$(mktemp -d)
for dir in /usr/include/torch /usr/include/ATen /usr/include/c10; do
  [ -d "$dir" ] && mount --bind "$empty" "$dir"
done
echo "without libtorch: $hidden libtorch libraries hidden in this mount namespace"
export LIBTORCH=/nonexistent/libtorch
cargo build --quiet --no-default-features --bins
cargo test --quiet --no-default-features --all-targets
./target/debug/smarten check --format json "Mum will walk Amy to school by 8.45am every school day" >/dev/null || [ $? -le 1 ]
'
if unshare -m true 2>/dev/null; then
  unshare -m bash -c "$inner"
else
  echo "note: this machine refuses a mount namespace (unshare -m), so libtorch stays visible; building with LIBTORCH unset"
  LIBTORCH=/nonexistent/libtorch bash -c "${inner//mount --bind/true}"
fi
if ldd target/debug/smarten | grep -E 'libtorch|libc10'; then
  echo "error: the binary built without the minilm feature links libtorch" >&2
  exit 1
fi
echo "without libtorch: the binary links no libtorch; model-free tests pass"
