#!/usr/bin/env python3
"""Build src/entities/data/given_names.txt, the common given names the entity rules use to tell a
person's full name (`Donald Trump`) from an organisation or a title the tagger took it for.

Source (see LICENSES.md beside this script): the 1990 US Census frequency lists of first names,
public domain, as shipped in the `names` 0.3.0 package on PyPI (files dist.male.first and
dist.female.first; the package's code is MIT, the data files are public domain).

Kept: the TOP most frequent names of both lists together (by percentage of the population), written
with an initial capital, minus every name the gazetteer lists (gazetteers.txt: places and
organisations, so `Georgia`, `Virginia`, `Jordan` are left out).

Usage:
    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 src/entities/data/build_given_names.py --names /tmp/names/names-0.3.0/names

Output: one name per line, sorted; deterministic.
"""
import argparse
import os

TOP = 1000

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", required=True, help="folder holding dist.male.first and dist.female.first")
    ap.add_argument("--out", default=os.path.join(here, "given_names.txt"))
    ap.add_argument("--gazetteer", default=os.path.join(here, "gazetteers.txt"))
    args = ap.parse_args()
    freq = {}
    for part in ("male", "female"):
        with open(os.path.join(args.names, f"dist.{part}.first")) as f:
            for line in f:
                fields = line.split()
                if len(fields) != 4:
                    continue
                name = fields[0].capitalize()
                freq[name] = max(freq.get(name, 0.0), float(fields[1]))
    with open(args.gazetteer) as f:
        known = {line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line and not line.startswith("#")}
    ranked = sorted(freq, key=lambda n: (-freq[n], n))[:TOP]
    kept = sorted(n for n in ranked if n not in known)
    with open(args.out, "w") as f:
        f.write(f"# Built by build_given_names.py: the {TOP} most frequent given names of the 1990 US Census\n")
        f.write("# (public domain; via the `names` 0.3.0 package), minus gazetteer names. See LICENSES.md.\n")
        for n in kept:
            f.write(n + "\n")
    print(f"{args.out}: {len(kept)} names ({TOP - len(kept)} left out as gazetteer names)")

if __name__ == "__main__":
    main()
