#!/usr/bin/env bash
# Builds Binjiang Map and serves it on http://127.0.0.1:8080 with live reload,
# installing any missing tool first (see scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cd "$root"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
