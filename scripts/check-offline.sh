#!/usr/bin/env bash
# Shows smarten needs no network at run time: check, rewrite and audit give the
# same output inside a new network namespace that has only the loopback
# interface (unshare -n) as outside it, and the server, its LanguageTool
# endpoint and the page pass their tests in it. Where the machine does not
# allow a network namespace, says so and skips.
set -euo pipefail

tests=(serve serve_uploads languagetool_client browser)
args=()
for t in "${tests[@]}"; do args+=(--test "$t"); done
# Build first (with the network), and collect the test executables.
mapfile -t bins < <(cargo test --no-run --message-format=json "${args[@]}" 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] == ["test"]:
        print(m["executable"])')
[ ${#bins[@]} -eq ${#tests[@]} ] || { echo "offline: expected ${#tests[@]} test binaries, found ${#bins[@]}" >&2; exit 2; }

unshare_cmd=(unshare -n)
[ "$(id -u)" -eq 0 ] || unshare_cmd=(unshare -rn)
if ! "${unshare_cmd[@]}" true 2>/dev/null; then
  echo "offline: this machine does not allow a network namespace; skipped"
  exit 0
fi
# The three jobs, with and without the network; their outputs must match.
cargo build --quiet
jobs='
  bin=$1 out=$2
  mkdir -p "$out"
  "$bin" check "Mum to engage with services" "John will raise his hand in every lesson by half term" --format json >"$out/check.json"; echo "check $?" >"$out/status"
  "$bin" rewrite "Mum to engage with services" --format json >"$out/rewrite.json"; echo "rewrite $?" >>"$out/status"
  "$bin" audit -q data/examples/plans --out "$out/audit.jsonl" >"$out/audit.txt"; echo "audit $?" >>"$out/status"
  sed -i "s|$out|OUT|g" "$out/audit.txt"
'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash -c "$jobs" jobs target/debug/smarten "$work/online"
"${unshare_cmd[@]}" bash -c "$jobs" jobs target/debug/smarten "$work/offline"
if ! diff -r "$work/online" "$work/offline"; then
  echo "offline: check, rewrite or audit gave other output without the network" >&2
  exit 1
fi
echo "offline: check, rewrite and audit give the same output with only loopback ($(tr '\n' ' ' <"$work/online/status"))"

"${unshare_cmd[@]}" bash -c '
  ip link set lo up 2>/dev/null || true
  if ip -o addr 2>/dev/null | grep -v " lo " | grep -q inet; then
    echo "offline: the namespace has an interface besides loopback" >&2; exit 2
  fi
  for b in "$@"; do
    "$b" --quiet || exit 1
  done
' offline "${bins[@]}"
echo "offline: the server, its LanguageTool endpoint and the page pass with only loopback"
