#!/usr/bin/env bash
# Installs moto's server (pinned: the live tests rely on what 5.2.1 does) into <repo>/.venv-moto, once.
# Idempotent: does nothing when .venv-moto/bin/moto_server is already there.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
venv="$repo/.venv-moto"
if [ -x "$venv/bin/moto_server" ]; then
  exit 0
fi
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "ensure-moto: $python not found; install Python 3 (with its venv module) and run this again" >&2
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "ensure-moto: $python has no working venv module (on Debian/Ubuntu: apt-get install python3-venv)" >&2
  exit 1
fi
echo "ensure-moto: creating $venv with moto[server]==5.2.1" >&2
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check "moto[server]==5.2.1"
if [ ! -x "$venv/bin/moto_server" ]; then
  echo "ensure-moto: pip finished but $venv/bin/moto_server is missing" >&2
  exit 1
fi
