#!/usr/bin/env bash
# API fuzzing with schemathesis (PyPI, in a venv in the tools cache) against
# our own OpenAPI document: at least 1,000 generated requests, no 5xx,
# responses match the schema. Skips with a message when the server has no
# /api/v1/openapi.json yet. Writes bench/results/schemathesis.json.
set -uo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
cd "$ROOT"
WORK="${BENCH_WORK:-$BENCH/work}/schemathesis"
PORT="${BENCH_PORT:-8501}"
BASE="http://127.0.0.1:$PORT"
VERSION=4.32.5
TOOLS="${BENCH_TOOLS:-$HOME/.cache/evidence-dashboard/tools}"
VENV="$TOOLS/schemathesis-$VERSION"
MAX_EXAMPLES="${BENCH_ST_EXAMPLES:-150}"
MAX_TIME="${BENCH_ST_SECONDS:-120}"

if [ ! -f "$VENV/.complete" ]; then
  echo "  installing schemathesis $VERSION into $VENV (once)"
  rm -rf "$VENV"
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "schemathesis==$VERSION" && touch "$VENV/.complete" \
    || { echo "schemathesis install failed" >&2; exit 1; }
fi
rm -rf "$WORK" && mkdir -p "$WORK"

status=$(curl -s -o "$WORK/openapi.json" -w '%{http_code}' "$BASE/api/v1/openapi.json")
if [ "$status" != 200 ]; then
  echo "  SKIPPED: $BASE/api/v1/openapi.json answered $status; the OpenAPI document is not in this build yet"
  python3 - "$status" <<'EOF'
import os, sys
sys.path.insert(0, os.path.join(os.getcwd(), "bench", "lib"))
from results import figure, write
write("schemathesis", [figure("schemathesis", "Schemathesis against /api/v1/openapi.json", None, "",
      f"skipped: no OpenAPI document (HTTP {sys.argv[1]})", "≥ 1000 requests, 0 5xx, schema ok", None,
      "bench/schemathesis.sh")], {"skipped": True, "status": sys.argv[1]})
EOF
  exit 0
fi

# The server's request log (bench/run sends it to work/server.log) gives the
# exact count of requests and of 5xx responses; a HAR of this run would be
# hundreds of MB (PNG bodies).
LOG="${BENCH_WORK:-$BENCH/work}/server.log"
log_from=$(stat -c %s "$LOG" 2>/dev/null || echo 0)
echo "  schemathesis $VERSION: --checks all, up to $MAX_EXAMPLES examples per operation, at most $MAX_TIME s"
# --max-time bounds the whole run. Rate limit is off on the server under test.
# Run from the scratch folder: schemathesis keeps a cache of failures (.schemathesis/) in its working directory.
(cd "$WORK" && timeout $((MAX_TIME + 120)) "$VENV/bin/schemathesis" run "$BASE/api/v1/openapi.json" \
  --url "$BASE" --checks all --max-examples "$MAX_EXAMPLES" --max-time "$MAX_TIME" --workers 2 --seed 9 \
  --request-timeout 10 --no-shrink --report json --report-json-path "$WORK/report.json" \
  >"$WORK/output.txt" 2>&1)
code=$?
tail -25 "$WORK/output.txt" | sed 's/^/    /'
python3 "$BENCH/lib/schemathesis_report.py" "$WORK" "$code" "$LOG" "$log_from"
