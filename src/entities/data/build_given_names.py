#!/usr/bin/env python3
"""Build src/entities/data/given_names.txt, the common given names the entity rules use to tell a
person's full name (`Donald Trump`) from an organisation or a title the tagger took it for.

Source (see LICENSES.md beside this script): the 1990 US Census frequency lists of first names,
public domain, as shipped in the `names` 0.3.0 package on PyPI (files dist.male.first and
dist.female.first; the package's code is MIT, the data files are public domain).

Kept: the TOP most frequent names of both lists together (by percentage of the population), written
with an initial capital. A name the gazetteer lists (gazetteers.txt: places and organisations:
`Georgia`, `Elizabeth`, `Jordan`) is marked `place`: it does not make a name a person's, but still
tells the sex of a person already known. Each name carries the sex it is
given to: `M` or `F` when at least nine in ten of its bearers in the lists are of that sex, else `X`
(the quote resolver uses it to keep "he" from a woman's name and "she" from a man's).

Usage:
    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 src/entities/data/build_given_names.py --names /tmp/names/names-0.3.0/names

Output: one `name<TAB>M|F|X[<TAB>place]` per line, sorted by name; deterministic.
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
    by_sex = {"male": {}, "female": {}}
    for part in ("male", "female"):
        with open(os.path.join(args.names, f"dist.{part}.first")) as f:
            for line in f:
                fields = line.split()
                if len(fields) != 4:
                    continue
                name = fields[0].capitalize()
                freq[name] = max(freq.get(name, 0.0), float(fields[1]))
                by_sex[part][name] = float(fields[1])
    with open(args.gazetteer) as f:
        known = {line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line and not line.startswith("#")}
    ranked = sorted(freq, key=lambda n: (-freq[n], n))[:TOP]
    kept = sorted(ranked)
    with open(args.out, "w") as f:
        f.write(f"# Built by build_given_names.py: the {TOP} most frequent given names of the 1990 US Census\n")
        f.write("# (public domain; via the `names` 0.3.0 package): name, sex (M/F/X), `place` for gazetteer names. See LICENSES.md.\n")
        for n in kept:
            m, w = by_sex["male"].get(n, 0.0), by_sex["female"].get(n, 0.0)
            sex = "M" if m >= 9 * w else "F" if w >= 9 * m else "X"
            place = "\tplace" if n in known else ""
            f.write(f"{n}\t{sex}{place}\n")
    places = sum(1 for n in kept if n in known)
    print(f"{args.out}: {len(kept)} names ({places} of them also gazetteer names)")

if __name__ == "__main__":
    main()
