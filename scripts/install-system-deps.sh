#!/usr/bin/env bash
# Installs the Debian packages smarten builds and runs against: CPU libtorch 1.13
# (for rust-bert/tch), the pthread OpenBLAS it runs fastest with, and python3-venv
# (for the LanguageTool client the server is tested with), and GNU time (whose
# peak-memory figure the bad-input tests read for decompression bombs).
# Idempotent: does nothing when all are installed.
set -euo pipefail

packages=(libtorch-dev libopenblas0-pthread python3-venv time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: already installed (${packages[*]})"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: installing ${missing[*]} needs root (or sudo)" >&2; exit 2; }
  sudo="sudo"
fi
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
