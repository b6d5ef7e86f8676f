#!/usr/bin/env bash
# The figures of docs/deploy.md: requests/s per core for the server's main
# routes and for the same URLs from a static snapshot under nginx, and the
# snapshot's build time, size and file count. Loopback only; the server
# (or nginx, one worker) is pinned to CPU 0 and wrk to CPU 1, so a figure
# is what one core serves. Writes bench/results/deploy.json.
#
#   bench/deploy.sh    (after cargo build --release -p evidence-server;
#                       needs wrk and nginx: apt-get install wrk nginx-light)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${EVIDENCE_SERVER_BIN:-$ROOT/target/release/evidence-server}"
SECONDS_EACH="${BENCH_SECONDS:-5}"
CONNS="${BENCH_CONNECTIONS:-32}"
[ -x "$BIN" ] || { echo "error: build $BIN first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 2; }
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { echo "error: nginx is missing (apt-get install nginx-light)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK="$(mktemp -d /tmp/evidence-bench-deploy.XXXXXX)"
chmod 755 "$WORK"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  sleep 0.3; rm -rf "$WORK"
}
trap cleanup EXIT

SPORT="$(free_port)"; NPORT="$(free_port)"
DATASET=ncmec-cybertipline-by-country
ROUTES=(
  "/api/v1/datasets"
  "/api/v1/datasets/$DATASET/observations"
  "/api/v1/datasets/$DATASET/observations?geo=KEN,UGA"
  "/datasets/$DATASET"
  "/embed/datasets/$DATASET"
  "/api/v1/datasets/$DATASET/chart.svg"
  "/api/v1/datasets/$DATASET/chart.png"
  "/api/v1/datasets/$DATASET/chart.csv"
)

echo "== snapshot: export-static (release binary)"
start=$(date +%s%N)
"$BIN" export-static "$WORK/site" --public-url "http://127.0.0.1:$NPORT" > "$WORK/export.log"
EXPORT_MS=$(( ($(date +%s%N) - start) / 1000000 ))
FILES=$(find "$WORK/site" -type f | wc -l)
BYTES=$(find "$WORK/site" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
DISK=$(du -sk "$WORK/site" | cut -f1)
echo "export: ${EXPORT_MS} ms, $FILES files, $BYTES bytes ($DISK KiB on disk)"

rate() { # url -> successful (2xx/3xx) requests/s (wrk, 1 thread, pinned to CPU 1)
  # PNGs: as many connections as the server draws at once (MAX_PNG_RENDERS);
  # more get 503 "busy", which is not a served picture.
  local c="$CONNS"; case "$1" in *.png*) c=4 ;; esac
  taskset -c 1 wrk -t1 -c"$c" -d"${SECONDS_EACH}s" -H 'Accept-Encoding: br, gzip' "$1" 2>/dev/null \
    | awk -v s="$SECONDS_EACH" '/requests in/ {n = $1} /Non-2xx/ {bad = $5} END {printf "%d\n", (n - bad) / s}'
}

echo "== the server (one core)"
RUST_LOG="${RUST_LOG:-info}" taskset -c 0 "$BIN" serve --addr "127.0.0.1:$SPORT" --rate-limit 0 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$SPORT/healthz" && break; sleep 0.1; done
# The server brotli-compresses every JSON body once, in the background,
# after it starts (both releases it keeps): measure once that is done, i.e.
# when the largest body is served precompressed.
for _ in $(seq 600); do
  curl -fsS -o /dev/null -D - -H 'Accept-Encoding: br' "http://127.0.0.1:$SPORT/api/v1/datasets/$DATASET/observations" | grep -qi '^content-encoding: br' && break
  sleep 0.5
done
sleep 5
declare -A OURS
for r in "${ROUTES[@]}"; do
  curl -fsS -o /dev/null "http://127.0.0.1:$SPORT$r"   # warm the caches
  OURS[$r]=$(rate "http://127.0.0.1:$SPORT$r")
  echo "server $r: ${OURS[$r]} req/s"
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

echo "== the snapshot under nginx (one worker, one core)"
mkdir -p "$WORK/tmp"
sed -e "s#@ROOT@#$WORK/site#g" -e "s#@PORT@#$NPORT#g" -e "s#@WORK@#$WORK#g" -e "s#^worker_processes 2;#worker_processes 1; worker_cpu_affinity 01;#" \
  "$ROOT/end2end/static/nginx.conf" > "$WORK/nginx.conf"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$NPORT/api/v1/datasets" && break; sleep 0.1; done
declare -A STATIC
for r in "${ROUTES[@]}"; do
  STATIC[$r]=$(rate "http://127.0.0.1:$NPORT$r")
  echo "nginx  $r: ${STATIC[$r]} req/s"
done

mkdir -p "$ROOT/bench/results"
{
  echo "{"
  echo "  \"measured\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"commit\": \"$(git -C "$ROOT" rev-parse --short HEAD)\","
  echo "  \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\","
  echo "  \"load_average\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "  \"wrk\": \"-t1 -c$CONNS -d${SECONDS_EACH}s, Accept-Encoding: br, gzip; server or nginx on CPU 0, wrk on CPU 1\","
  echo "  \"snapshot\": {\"build_ms\": $EXPORT_MS, \"files\": $FILES, \"bytes\": $BYTES, \"disk_kib\": $DISK},"
  echo "  \"requests_per_second_per_core\": ["
  n=${#ROUTES[@]}; i=0
  for r in "${ROUTES[@]}"; do
    i=$((i + 1)); sep=","; [ $i -eq $n ] && sep=""
    echo "    {\"url\": \"$r\", \"server\": ${OURS[$r]:-0}, \"static_nginx\": ${STATIC[$r]:-0}}$sep"
  done
  echo "  ]"
  echo "}"
} > "$ROOT/bench/results/deploy.json"
echo "wrote bench/results/deploy.json"
