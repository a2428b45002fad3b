#!/usr/bin/env bash
# Performance benchmark: Binjiang Map against Leaflet, MapLibre GL JS and
# OpenLayers drawing the same data (see bench/README.md). One command that
# installs what is missing, builds our release and the reference pages, runs
# the driver and writes bench/results/.
#   scripts/bench.sh            10 runs, 200 open/close cycles per run
#   scripts/bench.sh --short    2 runs, 20 cycles: proves the benchmark works (CI)
# Any other option goes to bench/run.mjs (--runs N, --cycles N, --pages a,b …).
# Exits 0 when every page was measured, whatever the budgets say.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cd "$root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# setup.sh installs npm packages only when its own are missing; the reference
# pages need more of package-lock.json.
for pkg in leaflet maplibre-gl ol esbuild smol-toml; do
  if [ ! -f "node_modules/$pkg/package.json" ]; then
    step "npm packages for the reference pages (npm ci)"
    npm ci --no-audit --no-fund
    break
  fi
done

step "release build of Binjiang Map (trunk build --release)"
trunk build --release

step "reference pages and data (bench/build.mjs)"
node bench/build.mjs

step "benchmark (bench/run.mjs $*)"
node bench/run.mjs "$@"
