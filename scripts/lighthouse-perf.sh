#!/usr/bin/env bash
# Lighthouse's mobile performance score of the benchmark's pages in bench/dist/
# (built by bench/build.mjs; scripts/bench.sh builds it and runs this): our
# map and the Leaflet reference page, each as a first visit with Lighthouse's
# default mobile emulation and simulated throttling, in Debian's headless
# Chromium. Prints score, total blocking time and time to interactive per run
# and writes them to target/lighthouse/perf.json (read by bench/run.mjs
# --lighthouse) and each report to target/lighthouse/perf-<page>-<n>.json.
#   scripts/lighthouse-perf.sh [--runs N] [pages…]    default: 3 runs, binjiang leaflet
# Lighthouse comes from the npm registry through npx, pinned, as in
# scripts/lighthouse-a11y.sh. Exits non-zero only when a page cannot be measured.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${PORT:-47916}"
out="$root/target/lighthouse"
runs=3
pages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) pages+=("$1"); shift ;;
  esac
done
[ "${#pages[@]}" -gt 0 ] || pages=(binjiang leaflet)
for page in "${pages[@]}"; do
  [ -f "bench/dist/$page/index.html" ] || { echo "bench/dist/$page/ is missing: run node bench/build.mjs first" >&2; exit 2; }
done
mkdir -p "$out"

node tests/e2e/server.mjs bench/dist "$port" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/bench.json" >/dev/null && break
  sleep 0.2
done

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
reports=()
# Pages alternate within each run, as in the benchmark, so a busy moment of
# the machine does not fall on one page only.
for n in $(seq "$runs"); do
  for page in "${pages[@]}"; do
    report="$out/perf-$page-$n.json"
    npx --yes lighthouse@12.8.2 "http://127.0.0.1:$port/$page/" \
      --only-categories=performance --output=json --output-path="$report" \
      --chrome-flags="--headless --no-sandbox --disable-gpu" --quiet
    node -e 'const r=require(process.argv[1]);const a=r.audits;
      console.log(`${process.argv[2]} run ${process.argv[3]}: score ${Math.round(r.categories.performance.score*100)}, total blocking time ${Math.round(a["total-blocking-time"].numericValue)} ms, interactive ${Math.round(a.interactive.numericValue)} ms`)' \
      "$report" "$page" "$n"
    reports+=("$page=$report")
  done
done

node -e '
const fs = require("fs");
const [file, ...reports] = process.argv.slice(1);
const pages = {};
let version = null;
for (const entry of reports) {
  const at = entry.indexOf("=");
  const r = JSON.parse(fs.readFileSync(entry.slice(at + 1), "utf8"));
  const a = r.audits;
  version = r.lighthouseVersion;
  (pages[entry.slice(0, at)] ??= []).push({
    score: Math.round(r.categories.performance.score * 100),
    tbt: a["total-blocking-time"].numericValue,
    tti: a.interactive.numericValue,
    fcp: a["first-contentful-paint"].numericValue,
    lcp: a["largest-contentful-paint"].numericValue,
  });
}
const runs = Math.max(...Object.values(pages).map((p) => p.length));
fs.writeFileSync(file, JSON.stringify({ version, runs, date: new Date().toISOString(), pages }, null, 1) + "\n");
' "$out/perf.json" "${reports[@]}"
echo "wrote ${out#"$root/"}/perf.json"
