#!/usr/bin/env bash
# Page benchmarks of issue 12 (server-side rendering + hydration), before and
# after: one driver, five steps, one Markdown table.
#
#   bench/pages.sh                       every step against target/release/evidence-server
#   bench/pages.sh ssr wasm              only those steps (wasm ssr lighthouse browser)
#   EVIDENCE_SERVER=/tmp/baseline/evidence-server BENCH_DIST=/tmp/baseline/dist bench/pages.sh
#
# Steps (each writes bench/work/pages/<step>.json; the report merges them):
#   wasm        raw / gzip -9 / brotli -q 11 of $BENCH_DIST/*.wasm; twiggy top on
#               a named copy of the same code (see pages_wasm.py)
#   ssr         wrk -t2 -c8 -d10s --latency per route (p50/p99, req/s) and the
#               cache check: first request on a fresh server vs the steady state
#   lighthouse  Lighthouse 12 (npm), mobile defaults (simulated slow 4G, 4x CPU),
#               Debian Chromium, on 5 routes
#   browser     Playwright + CDP: first contentful paint and time until hydrated
#               on every route (Fast 3G + 4x CPU, cold cache); interaction to next
#               paint for the tone, language and map period switches (4x CPU)
# Output: bench/results/pages-<UTC date>.md (+ .json), printed at the end.
#
# The server under test is $EVIDENCE_SERVER (default target/release/evidence-server),
# started here on the first free port in 8510-8599 (or $PAGES_PORT) and stopped at
# the end. Nothing is built here (no trunk, no cargo build of the app or server).
#
# Network: only 127.0.0.1, plus the package registries when a tool is missing:
# the npm registry (lighthouse, `npm ci` in bench/lighthouse/), the Rust package
# registry crates.io (twiggy, `cargo install --locked --root` into the tools cache)
# and Debian's archive (wrk, brotli, via apt-get). Lighthouse's own Chromium is
# told to resolve no other host, and its Node process is watched for outside
# connections (reported in the output).
#
# Knobs: PAGES_RUNS (3 visits per route, median), PAGES_INP_REPS (5 per control),
# PAGES_LH_RUNS (3 Lighthouse runs per route; the median-performance run is shown), PAGES_WRK_SECONDS (10),
# PAGES_WRK_CONNECTIONS (8), PAGES_TWIGGY_WASM (a named .wasm for twiggy).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
cd "$ROOT"

ALL_STEPS=(wasm ssr lighthouse browser)
export EVIDENCE_SERVER="${EVIDENCE_SERVER:-$ROOT/target/release/evidence-server}"
export BENCH_DIST="${BENCH_DIST:-$ROOT/dist}"
export PAGES_WORK="$BENCH/work/pages"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
TOOLS="${EVIDENCE_TOOLS:-$HOME/.cache/evidence-dashboard/tools}"
export BENCH_TOOLS="$TOOLS"
export PATH="$TOOLS/wasm-bindgen-$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)/bin:$ROOT/node_modules/.bin:$PATH"
PY="${PYTHON:-python3}"

say() { printf '\n\033[1m==> %s\033[0m  (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

if [ $# -gt 0 ]; then STEPS=("$@"); else STEPS=("${ALL_STEPS[@]}"); fi
for s in "${STEPS[@]}"; do
  [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "unknown step '$s'; steps: ${ALL_STEPS[*]}" >&2; exit 2; }
done
has() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

mkdir -p "$PAGES_WORK" "$BENCH/results"
# Only the steps run now start afresh; the report merges the others' last results
# (each section gives its own load average).
for s in "${STEPS[@]}"; do rm -f "$PAGES_WORK/$s.json"; done
[ -x "$EVIDENCE_SERVER" ] || { echo "no server binary at $EVIDENCE_SERVER (set EVIDENCE_SERVER)" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "needs Debian chromium at /usr/bin/chromium" >&2; exit 2; }

missing=()
for tool in wrk brotli gzip curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]} (Debian archive)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if has lighthouse; then
  # Pinned in bench/lighthouse/package-lock.json; from the npm registry, once.
  if [ ! -f "$BENCH/lighthouse/node_modules/lighthouse/package.json" ] \
     || ! cmp -s "$BENCH/lighthouse/package-lock.json" "$BENCH/lighthouse/node_modules/.package-lock.json.bench"; then
    say "npm ci in bench/lighthouse (lighthouse from the npm registry)"
    (cd "$BENCH/lighthouse" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
      && cp package-lock.json node_modules/.package-lock.json.bench)
  fi
fi
if has browser && [ ! -d "$ROOT/node_modules/playwright-core" ]; then echo "needs Playwright: npm ci at the root" >&2; exit 2; fi

# The server under test, on a free port of our range.
pick_port() {
  "$PY" - "$@" <<'EOF'
import socket, sys
for p in range(8510, 8600):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError:
        s.close()
EOF
}
export PAGES_PORT="${PAGES_PORT:-$(pick_port)}"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
start_server() {
  "$EVIDENCE_SERVER" serve --addr "127.0.0.1:$PAGES_PORT" --rate-limit 0 >"$PAGES_WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 150); do
    curl -fsS "http://127.0.0.1:$PAGES_PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "http://127.0.0.1:$PAGES_PORT/healthz" >/dev/null || { echo "server did not start; see $PAGES_WORK/server.log" >&2; exit 1; }
  export PAGES_SERVER_PID=$SERVER_PID
  echo "server $EVIDENCE_SERVER pid $SERVER_PID on 127.0.0.1:$PAGES_PORT"
}

FAILED=()
run_step() {
  local name=$1; shift
  say "$name"
  local t0 code=0; t0=$(date +%s)
  "$@" || code=$?
  [ $code -eq 0 ] || { FAILED+=("$name"); echo "step $name failed (exit $code)"; }
  echo "$name took $(( $(date +%s) - t0 )) s"
}

START=$(date +%s)
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
for step in "${STEPS[@]}"; do
  case "$step" in
    wasm) run_step wasm "$PY" "$BENCH/pages_wasm.py" ;;
    ssr)
      # A fresh server, so that the first request of each route is a cold one.
      stop_server; start_server
      run_step ssr "$PY" "$BENCH/pages_ssr.py" ;;
    lighthouse)
      [ -n "$SERVER_PID" ] || start_server
      run_step lighthouse node "$BENCH/lighthouse/run.mjs" ;;
    browser)
      [ -n "$SERVER_PID" ] || start_server
      run_step browser node "$BENCH/pages_browser.mjs" ;;
  esac
done
stop_server

say "report"
"$PY" "$BENCH/pages_report.py" --seconds "$(( $(date +%s) - START ))" --load-start "$LOAD_START" \
  --server "$EVIDENCE_SERVER" --dist "$BENCH_DIST" --steps "${STEPS[*]}"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "steps that failed: ${FAILED[*]}" >&2
  exit 1
fi
