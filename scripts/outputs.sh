#!/usr/bin/env bash
# Writes what smarten outputs on a fixed set of inputs into OUTDIR, for comparing
# two builds byte for byte (see scripts/compare-outputs.sh):
#   the dev set (check, rewrite and eval), the SMARTSpan split 1 test fold (eval),
#   the demo audit (make demo), the sample class (mark), and a 2,000-row audit.
# Usage: scripts/outputs.sh OUTDIR SMARTEN_BINARY ROWS_CSV
set -uo pipefail
out=$1 bin=$2 rows=$3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
cd "$root"
export SMARTEN_MODELS="$root/models"
run() { # name, command...: stdout, stderr and exit code of one command
  local name=$1; shift
  "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  echo $? >"$out/$name.exit"
}
dev=data/eval/statements-dev.jsonl
run check-dev "$bin" check --format jsonl --file "$dev"
run check-dev-human "$bin" check --color never --file "$dev"
run rewrite-dev "$bin" rewrite --format jsonl --file "$dev"
run rewrite-dev-no-model "$bin" rewrite --no-model --format jsonl --file "$dev"
run eval-dev "$bin" eval --verbose "$dev" data/eval/smartspan/split_1/test_classify.jsonl
run demo "$bin" audit data/examples/plans --out "$out/demo-audit.jsonl" --report "$out/demo-report.html"
run mark "$bin" mark --exercise data/exercises/is-it-smart.toml \
  --answers data/exercises/sample-class/answers.csv \
  --before data/exercises/sample-class/confidence-before.csv \
  --after data/exercises/sample-class/confidence-after.csv \
  --out "$out/marks.csv" --report "$out/class-report.html"
run audit-2000 "$bin" audit -q "$rows" --out "$out/audit-2000.jsonl" --report "$out/audit-2000.html"
run audit-2000-csv "$bin" audit -q --no-rewrite "$rows" --out "$out/audit-2000.csv"
# Paths to the output folder differ between runs: write them as OUT.
sed -i "s#$out#OUT#g" "$out"/*.stdout "$out"/*.stderr
