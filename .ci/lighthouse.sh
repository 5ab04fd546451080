#!/usr/bin/env bash
# Lighthouse 12.2.3 (pinned in .ci/lighthouse/package-lock.json), mobile
# profile, headless Chromium, on the demo during an outage: the home page
# and the status page of a service with an open outage, in English and in
# German. Prints the four category scores and the page weight of each.
#
#   bash .ci/lighthouse.sh                 # builds and starts the demo itself
#   DOWNWATCH_BIN=path/to/downwatch bash .ci/lighthouse.sh
#   BASE=http://127.0.0.1:8080 bash .ci/lighthouse.sh   # a demo already running
#   LANGS="en ja" bash .ci/lighthouse.sh
#
# Needs node/npm and chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
langs=${LANGS:-"en de"}
chrome=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chrome" ] || { echo "no chromium on PATH (apt-get install chromium)" >&2; exit 1; }
export CHROME_PATH=$chrome

lh=.ci/lighthouse/node_modules/.bin/lighthouse
[ -x "$lh" ] || npm ci --prefix .ci/lighthouse --no-audit --no-fund >/dev/null

server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${BASE:-}" ]; then
  port=${PORT:-18431}
  bin=${DOWNWATCH_BIN:-}
  if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=${CARGO_TARGET_DIR:-target}/release/downwatch
  fi
  # --public-url: the hreflang alternates are absolute, as search engines
  # (and Lighthouse's SEO audit) want them.
  "$bin" --demo --listen "127.0.0.1:$port" --public-url "http://127.0.0.1:$port" \
    >/tmp/downwatch-lighthouse.log 2>&1 &
  server=$!
  BASE=http://127.0.0.1:$port
fi

# Wait for the demo's first outage (it opens within a few minutes).
service=""
for _ in $(seq 1 300); do
  service=$(curl -fsS "$BASE/api/v1/outages?active=true" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const o=JSON.parse(s).outages||[];process.stdout.write(o.length?o[0].service:"")}catch(_){}})') || true
  [ -n "$service" ] && break
  sleep 2
done
[ -n "$service" ] || { echo "no outage opened on $BASE" >&2; exit 1; }

# Pages under a language prefix when the server has them (/en/), else the
# unprefixed ones (servers from before languages).
prefixed=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/en/")
urls=()
if [ "$prefixed" = 200 ]; then
  for l in $langs; do urls+=("$BASE/$l/" "$BASE/$l/status/$service"); done
else
  urls+=("$BASE/" "$BASE/status/$service")
fi

out=$(mktemp -d)
printf '%-40s %5s %5s %5s %5s %9s\n' page perf a11y best seo bytes
for url in "${urls[@]}"; do
  "$lh" "$url" --quiet --output=json --output-path="$out/report.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$out/err" ||
    { cat "$out/err" >&2; exit 1; }
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, s = k => Math.round(c[k].score * 100);
    const bytes = r.audits["total-byte-weight"].numericValue;
    const failed = Object.values(r.audits)
      .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map(a => a.id);
    console.log(process.argv[2].padEnd(40), ...["performance","accessibility","best-practices","seo"]
      .map(k => String(s(k)).padStart(5)), String(bytes).padStart(9));
    const m = k => Math.round(r.audits[k].numericValue);
    console.log("   FCP", m("first-contentful-paint"), "ms, LCP", m("largest-contentful-paint"),
      "ms, TBT", m("total-blocking-time"), "ms, CLS", r.audits["cumulative-layout-shift"].numericValue.toFixed(3));
    if (failed.length) console.log("   failing:", failed.join(", "));
  ' "$out/report.json" "${url#"$BASE"}"
done
rm -rf "$out"
