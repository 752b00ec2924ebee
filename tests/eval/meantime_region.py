#!/usr/bin/env python3
"""Keep only predictions inside the part of each MEANTIME document that was annotated.

MEANTIME (NewsReader) annotated the title and the first five sentences of each Wikinews article
(one per line in ../shared/data/meantime/dates.jsonl, after the title and dateline lines), so a
system's correct finds in the rest of the article count as false positives. Checked on the dev
file: no gold TIMEX3 lies past line 6 of any document, while articles have 15 lines on average.

    python3 tests/eval/meantime_region.py GOLD.jsonl PRED.jsonl > PRED.region.jsonl
    python3 ../shared/tools/score.py GOLD.jsonl PRED.region.jsonl --layers dates

Evaluation only: the product itself annotates the whole text.
"""
import json
import sys

LINES = 6  # title, dateline, first sentences


def region_end(text):
    pos = 0
    for _ in range(LINES):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def main(gold_path, pred_path):
    ends = {}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                ends[d["id"]] = region_end(d["text"])
    with open(pred_path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            p = json.loads(line)
            end = ends.get(p["id"])
            if end is not None and "dates" in p:
                p["dates"] = [x for x in p["dates"] if x["end"] <= end]
            print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
