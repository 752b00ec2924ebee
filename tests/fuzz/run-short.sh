#!/usr/bin/env bash
# Run the `annotate` fuzz target for a fixed budget and print how many executions ran.
#   tests/fuzz/run-short.sh [SECONDS] [--keep-going]    (default: $FUZZ_SECONDS or 60)
# --keep-going (long runs by hand): libFuzzer's fork mode, which records every crash in
# tests/fuzz/artifacts/annotate/ and goes on until the budget is spent.
# Called by `npm test` with the short default; run it by hand with a larger budget for a long run.
# Only the stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags, and
# `--sanitizer none` avoids needing a nightly sanitizer runtime (panics are still caught).
# Installs cargo-fuzz if missing. Exits non-zero (and names the crashing input) on any failure.
set -euo pipefail

SECONDS_BUDGET="${FUZZ_SECONDS:-60}"
KEEP_GOING=()
for arg in "$@"; do
    case "$arg" in
        --keep-going) KEEP_GOING=(-fork=1 -ignore_crashes=1) ;;
        *) SECONDS_BUDGET="$arg" ;;
    esac
done
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz (once)"
    cargo install cargo-fuzz --locked
fi

# Seeds: small hand-written inputs, plus the example article when ../shared is beside the repo.
# The first byte of each input selects options (0 = all layers, no reference date).
CORPUS="$HERE/corpus/annotate"
mkdir -p "$CORPUS"
seed() { printf '\000%s' "$2" > "$CORPUS/seed-$1"; }
seed quote '"We will not give up," said Lu Kang, a spokesman, on Monday.'
seed curly $'\u201cChina and the DPRK are friendly,\u201d Lu said on January 7, 2019.'
seed crlf $'BEIJING, Jan 8 (Reuters) -\r\nKim left Pyongyang on Jan. 7.\r\n\u201cIt is done,\u201d he told reporters.\r\n'
seed dates 'From March 2018 to May, every week, 10:30 p.m. yesterday, 1/7/2019, the 1990s, two years ago.'
seed mixed $'\u0645\u0631\u062d\u0628\u0627 \U0001F600 Jose\u0301 \u5317\u4eac \u00ab\u00a0Oui\u00a0\u00bb, dit-il. <p>&amp;</p>'
seed caps 'KIM JONG-UN SAID "WE WILL WIN" ON JANUARY 7.'
for article in "$ROOT/../shared/seed/article.txt" /work/shared/seed/article.txt; do
    if [ -f "$article" ]; then
        { printf '\000'; cat "$article"; } > "$CORPUS/seed-article"
        break
    fi
done

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
echo "fuzz: running target 'annotate' for ${SECONDS_BUDGET}s"
set +e
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none annotate "$CORPUS" -- \
    -max_total_time="$SECONDS_BUDGET" -max_len=16384 -dict="$HERE/news.dict" \
    -print_final_stats=1 -close_fd_mask=1 "${KEEP_GOING[@]}" 2>&1 | tee "$LOG" | grep --line-buffered -E '^INFO: Seed|^#[0-9]+[[:space:]]+(INITED|DONE)|^#[0-9]+: |panicked|ERROR|SUMMARY|Test unit written|crash'
STATUS=${PIPESTATUS[0]}
set -e

RUNS="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$LOG" | grep -oE '[0-9]+$' | tail -1 || true)"
[ -n "$RUNS" ] || RUNS="$(grep -oE '^Done [0-9]+ runs' "$LOG" | grep -oE '[0-9]+' | tail -1 || true)"
[ -n "$RUNS" ] || RUNS="$(grep -oE '^#[0-9]+: ' "$LOG" | grep -oE '[0-9]+' | tail -1 || true)"
CRASHES="$(grep -oE 'oom/timeout/crash: *[0-9]+/[0-9]+/[0-9]+' "$LOG" | tail -1 | grep -oE '[0-9]+$' || true)"
if [ ${#KEEP_GOING[@]} -gt 0 ] && [ -n "$CRASHES" ] && [ "$CRASHES" -gt 0 ]; then
    mkdir -p "$HERE/artifacts/annotate" && cp "$LOG" "$HERE/artifacts/annotate/last-failure.log"
    echo "fuzz: ${RUNS:-?} executions in ${SECONDS_BUDGET}s, $CRASHES crashes: tests/fuzz/artifacts/annotate/"
    echo "fuzz: 0 passed, 1 failed"
    exit 1
fi
if [ "$STATUS" -ne 0 ]; then
    mkdir -p "$HERE/artifacts/annotate" && cp "$LOG" "$HERE/artifacts/annotate/last-failure.log"
    echo "fuzz: FAILED after ${RUNS:-?} executions (exit $STATUS); the crashing input is in tests/fuzz/artifacts/annotate/"
    echo "fuzz: reproduce with: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none annotate tests/fuzz/artifacts/annotate/<file>"
    echo "fuzz: 0 passed, 1 failed"
    exit 1
fi
echo "fuzz: ${RUNS:-?} executions in ${SECONDS_BUDGET}s, no panic, every invariant held"
echo "fuzz: 1 passed, 0 failed"
