#!/usr/bin/env bash
# Shows the server, its LanguageTool endpoint and the page work with no network
# at all: runs their tests inside a new network namespace that has only the
# loopback interface (unshare -n). Where the machine does not allow a network
# namespace, says so and skips.
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
