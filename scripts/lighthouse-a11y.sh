#!/usr/bin/env bash
# Measures the Lighthouse accessibility score of the release build in dist/
# (run `trunk build --release` first) in Debian's headless Chromium: the
# default view, 适老化 mode, English, and a view with the details open.
#   scripts/lighthouse-a11y.sh            # scores on stdout, reports in target/lighthouse/
# Lighthouse comes from the npm registry through npx, pinned, so the test
# dependencies stay small. Exits non-zero if any score is below MIN_SCORE.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${PORT:-47914}"
min="${MIN_SCORE:-100}"
out="$root/target/lighthouse"
mkdir -p "$out"
[ -f dist/index.html ] || { echo "dist/ has no build: run trunk build --release first" >&2; exit 2; }

node tests/e2e/server.mjs dist "$port" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null && break
  sleep 0.2
done

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
status=0
for view in "default:" "care:?care=1" "en:?lang=en" "details:?sel=zone:binjiang"; do
  name="${view%%:*}"
  query="${view#*:}"
  npx --yes lighthouse@12.8.2 "http://127.0.0.1:$port/$query" \
    --only-categories=accessibility --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --quiet
  score="$(node -e 'const r=require(process.argv[1]);const c=r.categories.accessibility;
    const failed=Object.values(r.audits).filter(a=>a.score===0&&a.scoreDisplayMode==="binary").map(a=>a.id);
    console.log(Math.round(c.score*100)+(failed.length?"  failing: "+failed.join(", "):""))' "$out/$name.json")"
  echo "$name: $score"
  [ "${score%% *}" -ge "$min" ] || status=1
done
exit "$status"
