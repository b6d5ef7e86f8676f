#!/usr/bin/env bash
# Fuzz targets (fuzz/): each runs for $BENCH_FUZZ_SECONDS (default 60).
#
# With cargo-fuzz (libFuzzer, coverage-guided) on the nightly toolchain when
# rustup has one, else on stable with RUSTC_BOOTSTRAP=1; if neither builds,
# the libFuzzer-free runner fuzz/src/bin/random_loop.rs (stable, random +
# mutated inputs, no coverage feedback). Saved failing inputs in
# fuzz/regressions/<target>/ are replayed first.
# A target meets its goal with 0 failing inputs AND at least
# $BENCH_FUZZ_MIN_EXECS_PER_SECOND (default 10) executions per second of its
# time (600 for 60 s; a 2-core machine does ~100/s on the slowest target), so
# a fuzzer that ran nothing, or died at start, is not "0 failing".
# Writes bench/results/fuzz.json. `bench/fuzz.sh --build-only` only builds.
set -uo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
FUZZ="$ROOT/fuzz"
cd "$ROOT"
WORK="${BENCH_WORK:-$BENCH/work}"
SECONDS_PER_TARGET="${BENCH_FUZZ_SECONDS:-60}"
MIN_EXECS=$(( ${BENCH_FUZZ_MIN_EXECS_PER_SECOND:-10} * SECONDS_PER_TARGET ))
TOOLS="${BENCH_TOOLS:-$HOME/.cache/evidence-dashboard/tools}"
CARGO_FUZZ_VERSION=0.13.2
TARGETS=(state_roundtrip package_load annotation_render)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/fuzz"
mkdir -p "$WORK/fuzz"

cf_root="$TOOLS/cargo-fuzz-$CARGO_FUZZ_VERSION"
if [ ! -x "$cf_root/bin/cargo-fuzz" ]; then
  echo "  installing cargo-fuzz $CARGO_FUZZ_VERSION into $cf_root (once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --root "$cf_root.partial" >"$WORK/fuzz/install.log" 2>&1 \
    && rm -rf "$cf_root" && mv "$cf_root.partial" "$cf_root"
fi
export PATH="$cf_root/bin:$PATH"

MODE=""
FUZZ_CMD=()
if command -v cargo-fuzz >/dev/null; then
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "  building the fuzz targets with cargo-fuzz on nightly"
    if (cd "$FUZZ" && nice -n 10 cargo +nightly fuzz build --sanitizer none -a >"$WORK/fuzz/build.log" 2>&1); then
      MODE="cargo-fuzz (libFuzzer, nightly, --sanitizer none, debug assertions)"
      FUZZ_CMD=(cargo +nightly fuzz run --sanitizer none -a)
    fi
  fi
  if [ -z "$MODE" ]; then
    echo "  building the fuzz targets with cargo-fuzz on stable + RUSTC_BOOTSTRAP=1"
    if (cd "$FUZZ" && RUSTC_BOOTSTRAP=1 nice -n 10 cargo fuzz build --sanitizer none -a >"$WORK/fuzz/build.log" 2>&1); then
      MODE="cargo-fuzz (libFuzzer, stable with RUSTC_BOOTSTRAP=1, --sanitizer none)"
      FUZZ_CMD=(env RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -a)
    fi
  fi
fi
if [ -z "$MODE" ]; then
  echo "  cargo-fuzz unavailable; building the libFuzzer-free runner (stable)"
  (cd "$FUZZ" && nice -n 10 cargo build --release --features random-loop --bin random_loop >"$WORK/fuzz/build.log" 2>&1) || { tail -20 "$WORK/fuzz/build.log"; exit 1; }
  MODE="random_loop (no libFuzzer: arbitrary + bounded random loop, stable)"
fi
echo "  mode: $MODE"
[ "${1:-}" = "--build-only" ] && exit 0

declare -A EXECS SECS FOUND REPLAY CRASHES
for t in "${TARGETS[@]}"; do
  regress=("$FUZZ/regressions/$t"/*)
  [ -e "${regress[0]}" ] || regress=()
  REPLAY[$t]="none saved"
  if [ ${#regress[@]} -gt 0 ]; then
    if [ ${#FUZZ_CMD[@]} -gt 0 ]; then
      (cd "$FUZZ" && "${FUZZ_CMD[@]}" "$t" "${regress[@]}" -- -runs=1) >"$WORK/fuzz/$t-replay.log" 2>&1
    else
      "$CARGO_TARGET_DIR/release/random_loop" replay "$t" "${regress[@]}" >"$WORK/fuzz/$t-replay.log" 2>&1
    fi
    if [ $? -eq 0 ]; then REPLAY[$t]="${#regress[@]} saved inputs pass"; else REPLAY[$t]="${#regress[@]} saved inputs, still FAILING"; fi
    echo "  $t: regressions: ${REPLAY[$t]}"
  fi
  corpus="$WORK/fuzz/corpus-$t"
  mkdir -p "$corpus" "$FUZZ/regressions/$t"
  before=$(ls "$FUZZ/regressions/$t" | wc -l)
  t0=$(date +%s)
  if [ ${#FUZZ_CMD[@]} -gt 0 ]; then
    dict=()
    [ -f "$FUZZ/$t.dict" ] && dict=("-dict=$FUZZ/$t.dict")
    seeds=()
    [ -d "$FUZZ/seeds/$t" ] && seeds=("$FUZZ/seeds/$t")
    # Fork mode with -ignore_crashes: a known failure does not end the run, so
    # the whole time is spent looking; crashes go to a scratch folder and one
    # input per distinct panic site is kept in fuzz/regressions/ below.
    crashes="$WORK/fuzz/crashes-$t"
    rm -rf "$crashes" && mkdir -p "$crashes"
    (cd "$FUZZ" && timeout $((SECONDS_PER_TARGET + 120)) "${FUZZ_CMD[@]}" "$t" "$corpus" "${seeds[@]}" -- \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=10 -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}") \
      >"$WORK/fuzz/$t.log" 2>&1
    EXECS[$t]=$(grep -o '^#[0-9]*' "$WORK/fuzz/$t.log" | tail -1 | tr -d '#')
    # Keep one failing input per panic site not already covered by a saved one.
    bin="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release/$t"
    site_of() { "$bin" "$1" 2>&1 | grep -m1 -o 'panicked at [^ ]*' || echo "no panic"; }
    declare -A known=()
    for f in "$FUZZ/regressions/$t"/*; do [ -f "$f" ] && known["$(site_of "$f")"]=1; done
    for f in $(ls "$crashes" 2>/dev/null | head -50); do
      site=$(site_of "$crashes/$f")
      if [ "$site" != "no panic" ] && [ -z "${known[$site]:-}" ]; then
        cp "$crashes/$f" "$FUZZ/regressions/$t/$f"
        known["$site"]=1
      fi
    done
    unset known
    CRASHES[$t]=$(ls "$crashes" | wc -l)
  else
    timeout $((SECONDS_PER_TARGET + 60)) "$CARGO_TARGET_DIR/release/random_loop" run "$t" "$SECONDS_PER_TARGET" "$FUZZ/seeds/$t" >"$WORK/fuzz/$t.log" 2>&1
    EXECS[$t]=$(grep -o '[0-9]* execs' "$WORK/fuzz/$t.log" | grep -o '^[0-9]*' | tail -1)
  fi
  SECS[$t]=$(( $(date +%s) - t0 ))
  after=$(ls "$FUZZ/regressions/$t" | wc -l)
  FOUND[$t]=$((after - before))
  echo "  $t: ${EXECS[$t]:-?} execs in ${SECS[$t]} s, failing inputs seen: ${CRASHES[$t]:-?}, new panic sites saved: ${FOUND[$t]}"
  if [ "${EXECS[$t]:-0}" -lt "$MIN_EXECS" ]; then
    echo "  $t: FEWER THAN $MIN_EXECS EXECS: not a fuzz run (see $WORK/fuzz/$t.log)"
  fi
  if [ "${FOUND[$t]}" -gt 0 ]; then
    grep -m3 -E "panicked at|assertion|SUMMARY|deadly signal" "$WORK/fuzz/$t.log" | sed 's/^/    /'
  fi
done

# Results JSON (python for the quoting).
args=()
for t in "${TARGETS[@]}"; do args+=("$t" "${EXECS[$t]:-0}" "${SECS[$t]}" "${FOUND[$t]}" "${REPLAY[$t]}" "${CRASHES[$t]:-${FOUND[$t]}}"); done
python3 - "$MODE" "$WORK/fuzz" "$MIN_EXECS" "${args[@]}" <<'EOF'
import os, sys
sys.path.insert(0, os.path.join(os.environ.get("BENCH_DIR", os.getcwd() + "/bench"), "lib"))
from results import figure, write
mode, logs, min_execs, rest = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
figures, details = [], {"mode": mode, "logs": logs, "min_execs": min_execs, "targets": {}}
for i in range(0, len(rest), 6):
    t, execs, secs, found, replay, crashes = rest[i], int(rest[i + 1] or 0), int(rest[i + 2]), int(rest[i + 3]), rest[i + 4], int(rest[i + 5] or 0)
    regressions = sorted(os.listdir(os.path.join(os.getcwd(), "fuzz", "regressions", t)))
    first = ""
    try:
        with open(os.path.join(logs, f"{t}.log"), errors="replace") as f:
            for line in f:
                if "panicked at" in line or "assertion" in line.lower():
                    first = line.strip()[:300]
                    break
    except FileNotFoundError:
        pass
    details["targets"][t] = {"execs": execs, "seconds": secs, "failing_inputs_seen": crashes, "new_panic_sites_saved": found, "replay": replay,
                             "regression_files": regressions, "first_failure": first}
    figures.append(figure(f"fuzz_{t}", f"Fuzz {t} ({secs} s)", crashes, "",
                          f"{execs} execs, {crashes} failing ({found} new sites)" + (f"; {replay}" if replay != "none saved" else ""),
                          f"0 failing in at least {min_execs} execs", crashes == 0 and "FAILING" not in replay and execs >= min_execs,
                          "bench/fuzz.sh (" + mode.split(" (")[0] + ")"))
write("fuzz", figures, details)
EOF
