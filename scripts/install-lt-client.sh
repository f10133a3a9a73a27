#!/usr/bin/env bash
# Installs the real LanguageTool client the tests drive smarten's server with:
# language_tool_python from PyPI, in a virtual environment under target/.
# Idempotent: does nothing when the client is already there.
set -euo pipefail

venv="${1:-target/lt-venv}"
version="3.4.0"
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('language_tool_python'))" 2>/dev/null)" = "$version" ]; then
  echo "LanguageTool client: already installed ($venv)"
  exit 0
fi
command -v python3 >/dev/null || { echo "error: python3 is missing (apt-get install python3 python3-venv)" >&2; exit 2; }
echo "LanguageTool client: installing language_tool_python $version into $venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "language_tool_python==$version"
