#!/usr/bin/env bash
# Performance benchmark: Binjiang Map against Leaflet, MapLibre GL JS and
# OpenLayers drawing the same data (see bench/README.md). One command that
# installs what is missing, builds our release and the reference pages, runs
# Lighthouse's mobile performance audit on our page and Leaflet's
# (scripts/lighthouse-perf.sh), runs the driver and writes bench/results/.
#   scripts/bench.sh            10 runs, 200 open/close cycles per run, 3 Lighthouse runs per page
#   scripts/bench.sh --short    2 runs, 20 cycles, 1 Lighthouse run per page: proves the benchmark works (CI)
# Any other option goes to bench/run.mjs (--runs N, --cycles N, --pages a,b …).
# BENCH_LIGHTHOUSE=0 leaves Lighthouse out (its rows and budgets read n/a).
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

step "the benchmark's own budget checks (node --test bench/lib/)"
node --test --test-reporter=dot bench/lib/stats.test.mjs

step "release build of Binjiang Map (trunk build --release)"
trunk build --release

step "reference pages and data (bench/build.mjs)"
node bench/build.mjs

lighthouse=()
if [ "${BENCH_LIGHTHOUSE:-1}" != 0 ]; then
  lh_runs=3
  for arg in "$@"; do [ "$arg" = --short ] && lh_runs=1; done
  step "Lighthouse mobile performance, $lh_runs run(s) per page (scripts/lighthouse-perf.sh)"
  # Without the npm registry there is no Lighthouse: the benchmark goes on without it.
  rm -f target/lighthouse/perf.json
  if scripts/lighthouse-perf.sh --runs "$lh_runs" binjiang leaflet; then
    lighthouse=(--lighthouse target/lighthouse/perf.json)
  else
    echo "[bench] Lighthouse could not run: its rows and budgets read n/a" >&2
  fi
fi

step "benchmark (bench/run.mjs ${lighthouse[*]} $*)"
node bench/run.mjs "${lighthouse[@]}" "$@"
