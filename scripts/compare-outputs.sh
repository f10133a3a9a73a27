#!/usr/bin/env bash
# Shows that a change leaves smarten's outputs byte-identical: builds REV (default
# HEAD) in a git worktree under target/, runs scripts/outputs.sh with its binary
# and with this tree's binary on the same inputs, and diffs the two folders.
# Exit 0 when every output is identical.
# Usage: scripts/compare-outputs.sh [REV]
set -euo pipefail
rev=${1:-HEAD}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/target/compare"
rm -rf "$work/base" "$work/head" && mkdir -p "$work"
git worktree remove --force "$work/tree" 2>/dev/null || true
git worktree add --detach "$work/tree" "$rev" >/dev/null
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true' EXIT
echo "building $rev ..."
(cd "$work/tree" && CARGO_TARGET_DIR="$work/target" cargo build --quiet --bin smarten)
echo "building this tree ..."
cargo build --quiet --bin smarten
cargo run --quiet --example plan_rows -- 2000 >"$work/rows-2000.csv"
scripts/outputs.sh "$work/base" "$work/target/debug/smarten" "$work/rows-2000.csv"
scripts/outputs.sh "$work/head" "$root/target/debug/smarten" "$work/rows-2000.csv"
if diff -r "$work/base" "$work/head" >"$work/diff.txt"; then
  echo "identical: $(ls "$work/head" | wc -l) outputs of $rev and this tree ($work/head)"
else
  echo "DIFFERENT: see $work/diff.txt"; head -40 "$work/diff.txt"; exit 1
fi
