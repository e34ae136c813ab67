#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run every test.
# Debian packages (graphviz for graph pictures, node/npm for the ink compiler, chromium for the
# browser tests) need root.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v dot >/dev/null || need_apt+=(graphviz)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)  # the voice fallback
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)  # card and label text
command -v chromium >/dev/null || need_apt+=(chromium)  # the browser tests drive Debian's chromium
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# inkjs: inkle's ink compiler, used to check the .ink that dreamreel exports.
npm ci --no-audit --no-fund --loglevel=error

# The package with its test extras; llama-cpp-python compiles from source (several minutes, once).
# Built portably: a native build faults in llama.cpp's AMX code on CPUs that report AMX.
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}"
# (not -q: the compile is minutes long, and pip says when each build starts and finishes)
echo "installing the test extras (the first time, llama-cpp-python compiles for several minutes)"
python -m pip install --disable-pip-version-check -e ".[test]"

# Lint and type checks first (configured in pyproject.toml): a failure stops here, before the tests.
python -m ruff check src tests bench scripts
python -m mypy

python -m pytest -q "$@"
