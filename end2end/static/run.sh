#!/usr/bin/env bash
# The static snapshot served whole by nginx, with the dynamic server not
# running: a fresh `export-static` from the release binary, Debian's nginx
# on a free loopback port (end2end/static/nginx.conf), then the embed tests
# and a journey subset of the Playwright suite against it
# (playwright.static.config.ts). Exits non-zero on any failure.
#
#   end2end/static/run.sh            (after ./x run or ./x test has built
#                                     dist/ and target/release/evidence-server)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${EVIDENCE_SERVER_BIN:-$ROOT/target/release/evidence-server}"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

[ -x "$BIN" ] || { echo "error: $BIN is missing: build it with cargo build --release -p evidence-server (after trunk build --release)" >&2; exit 2; }

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  say "apt-get install nginx-light (Debian)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
WORK="$(mktemp -d /tmp/evidence-static.XXXXXX)"
cleanup() {
  if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; sleep 0.3; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# nginx's workers may run as another user: the export must be readable.
chmod 755 "$WORK"
mkdir -p "$WORK/tmp"

say "export-static with $BIN, for http://127.0.0.1:$PORT"
start=$(date +%s%N)
"$BIN" export-static "$WORK/site" --public-url "http://127.0.0.1:$PORT"
echo "export took $(( ($(date +%s%N) - start) / 1000000 )) ms"

sed -e "s#@ROOT@#$WORK/site#g" -e "s#@PORT@#$PORT#g" -e "s#@WORK@#$WORK#g" "$ROOT/end2end/static/nginx.conf" > "$WORK/nginx.conf"
"$NGINX" -t -q -c "$WORK/nginx.conf" -p "$WORK"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v1/version" && break
  sleep 0.1
done

say "checks: nginx answers like the server, and no dynamic server is behind it"
check() { # url expected-status expected-content-type-prefix
  local got
  got="$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "http://127.0.0.1:$PORT$1")"
  case "$got" in
    "$2 $3"*) ;;
    *) echo "FAIL $1: got '$got', expected '$2 $3'" >&2; exit 1 ;;
  esac
}
check /api/v1/version 200 application/json
check /api/v1/datasets 200 application/json
check /datasets/ncmec-cybertipline-totals 200 text/html
check "/embed/datasets/ncmec-cybertipline-totals?v=1&chart=bar" 200 text/html
check /embed/datasets/no-such-dataset 404 text/html
check "/api/v1/datasets/ncmec-cybertipline-by-country/chart.png?chart=map" 200 image/png
check "/api/v1/datasets/ncmec-cybertipline-totals/chart.csv" 200 text/csv
check "/oembed?url=http%3A%2F%2F127.0.0.1%3A$PORT%2Fdatasets%2Fncmec-cybertipline-totals&format=json" 200 application/json
check /_host/nginx-page-headers.conf 404 text/html
check /healthz 200 text/html   # the app's index.html: there is no server to answer it
# The map embed is its own file, not the line one.
cmp -s "$WORK/site/embed/datasets/ncmec-cybertipline-by-country/chart-map.html" "$WORK/site/embed/datasets/ncmec-cybertipline-by-country/index.html" \
  && { echo "FAIL: the map embed is the line embed" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$PORT/embed/datasets/ncmec-cybertipline-by-country?chart=map" | cmp -s - "$WORK/site/embed/datasets/ncmec-cybertipline-by-country/chart-map.html" \
  || { echo "FAIL: ?chart=map is not served the map embed" >&2; exit 1; }
# The French /ecosystem page's diagram is the French file, not the English default.
check "/api/v1/ecosystem.svg?lang=fr&tone=plain&layout=wide" 200 image/svg+xml
for variant in fr-plain-wide fr-plain-narrow fr-technical-wide fr-technical-narrow en-technical-narrow; do
  IFS=- read -r l t w <<<"$variant"
  curl -fsS "http://127.0.0.1:$PORT/api/v1/ecosystem.svg?lang=$l&tone=$t&layout=$w" | cmp -s - "$WORK/site/api/v1/ecosystem-$variant.svg" \
    || { echo "FAIL: ?lang=$l&tone=$t&layout=$w is not served ecosystem-$variant.svg" >&2; exit 1; }
done
grep -q 'lang="fr"' "$WORK/site/api/v1/ecosystem-fr-plain-wide.svg" || { echo "FAIL: the French diagram is not in French" >&2; exit 1; }
if pgrep -x evidence-server >/dev/null; then echo "note: an evidence-server process runs on this machine; the tests use nginx's port $PORT only"; fi

say "Playwright: embed tests and journeys against nginx on $PORT (no webServer)"
cd "$ROOT/end2end"
E2E_PORT="$PORT" npx playwright test -c static/playwright.static.config.ts --fail-on-flaky-tests "$@"
