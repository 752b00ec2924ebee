#!/usr/bin/env bash
# Accuracy on the dev corpora in ../shared/data, every figure the README and the issue notes quote,
# with one command:  bash tests/eval/eval.sh   (or: npm run eval)
#
# Builds the release CLI, annotates each dev file in the exchange format (`--jsonl`) and scores it
# with ../shared/tools/score.py. Predictions are kept in $NEWSMARK_EVAL_DIR (default a temporary
# folder that is printed) so that errors can be looked at afterwards. An evaluation, not a test:
# nothing here passes or fails on a figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${NEWSMARK_SHARED:-../shared}
D=$SHARED/data
S=$SHARED/tools/score.py
if [ ! -f "$S" ] || [ ! -d "$D" ]; then
  echo "eval: $SHARED/data and $SHARED/tools/score.py are needed beside the repository" >&2
  exit 2
fi
OUT=${NEWSMARK_EVAL_DIR:-$(mktemp -d /tmp/newsmark-eval.XXXXXX)}
mkdir -p "$OUT"
cargo build --release --quiet --bin newsmark
R=./target/release/newsmark

run() { # NAME INPUT LAYERS
  "$R" annotate --jsonl "$2" ${3:+--layers "$3"} > "$OUT/$1.jsonl"
}
score() { # TITLE GOLD PRED LAYER LINES
  echo "### $1"
  python3 "$S" "$2" "$3" --layers "$4" | tail -n "$5"
}

run timebank "$D/tempeval3/timebank.jsonl" dates
run aquaint "$D/tempeval3/aquaint.jsonl" dates
cat "$D/tempeval3/timebank.jsonl" "$D/tempeval3/aquaint.jsonl" > "$OUT/tbaq.gold.jsonl"
cat "$OUT/timebank.jsonl" "$OUT/aquaint.jsonl" > "$OUT/tbaq.jsonl"
score "dates: TimeBank" "$D/tempeval3/timebank.jsonl" "$OUT/timebank.jsonl" dates 6
score "dates: AQUAINT" "$D/tempeval3/aquaint.jsonl" "$OUT/aquaint.jsonl" dates 6
score "dates: TimeBank + AQUAINT" "$OUT/tbaq.gold.jsonl" "$OUT/tbaq.jsonl" dates 6

run meantime "$D/meantime/dates.jsonl" dates
python3 tests/eval/meantime_region.py "$D/meantime/dates.jsonl" "$OUT/meantime.jsonl" > "$OUT/meantime.region.jsonl"
score "dates: MEANTIME, whole file" "$D/meantime/dates.jsonl" "$OUT/meantime.jsonl" dates 6
score "dates: MEANTIME, annotated lines only (tests/eval/meantime_region.py)" "$D/meantime/dates.jsonl" "$OUT/meantime.region.jsonl" dates 6

for split in dev train; do
  run "polnear-$split" "$D/polnear/$split.jsonl" ""
  score "quotes: PolNeAR $split" "$D/polnear/$split.jsonl" "$OUT/polnear-$split.jsonl" quotes 4
done

run conll-dev "$D/conll2003/dev.jsonl" ""
score "entities: CoNLL-2003 dev" "$D/conll2003/dev.jsonl" "$OUT/conll-dev.jsonl" entities 7

echo
echo "predictions: $OUT"
