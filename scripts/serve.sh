#!/usr/bin/env bash
# Builds Binjiang Map and serves it on http://127.0.0.1:8080 with live reload,
# installing any missing tool first (see scripts/setup.sh). The editor page
# (edit.html, its own wasm) is served beside it on the next port
# (http://127.0.0.1:8081/), reading the map's data/ through the map's server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cd "$root"
port="${PORT:-8080}"
editor_port=$((port + 1))
# The editor's server does not rebuild when the map's build changes dist/.
mkdir -p "$root/dist" "$root/target"
trunk serve edit.html --address 127.0.0.1 --port "$editor_port" --dist target/editor-serve \
  --ignore "$root/dist" --proxy-backend "http://127.0.0.1:$port/data/" --proxy-rewrite /data/ --no-autoreload &
editor=$!
trap 'kill "$editor" 2>/dev/null || true' EXIT
echo "serve: the editor is on http://127.0.0.1:$editor_port/ once built"
trunk serve --address 127.0.0.1 --port "$port" "$@"
