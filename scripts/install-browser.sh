#!/usr/bin/env bash
# Installs what the page's browser test drives: Debian's chromium and
# chromium-driver, and axe-core (from the npm registry) under target/axe.
# Idempotent: does nothing when all are there.
set -euo pipefail

axe_dir="${1:-target/axe}"
axe_version="4.10.3"
missing=()
for p in chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: installing ${missing[*]} needs root (or sudo)" >&2; exit 2; }
    sudo="sudo"
  fi
  echo "browser: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "browser: already installed (chromium, chromium-driver)"
fi
if [ -f "$axe_dir/node_modules/axe-core/axe.min.js" ] \
  && grep -q "\"version\": \"$axe_version\"" "$axe_dir/node_modules/axe-core/package.json"; then
  echo "axe-core: already installed ($axe_dir)"
else
  echo "axe-core: installing $axe_version into $axe_dir"
  mkdir -p "$axe_dir"
  npm install --silent --no-audit --no-fund --prefix "$axe_dir" "axe-core@$axe_version"
fi
