"""Regenerate with: python3 datasets/src/test/python/head_to_tail_mass.py  (plain Python 3)

A port of the head/torso/tail split in Head-to-Tail's generator code (Sun et al., NAACL 2024;
facebookresearch/head-to-tail, head_to_tail_imdb.py, for titles and for people), written to
datasets/src/test/resources/dev/tailgap/datasets/mass/reference.json and read by the Java test.

The reference sorts the popularity values ascending, builds their running sum, and takes as
cut k (k = 1 .. K-1) the value at the first position where running sum / total >= k / K; an
entity is in the tail when its value <= cut 1, in the next bucket when <= cut 2, and so on, the
head holding the values above the last cut. For people the reference also leaves entities with
popularity 0 out (excludeZero below). Sizes are listed head first.

Inputs: the bundled world-cities dataset (frequency = population) and the shared PopQA
subset (s_pop; all 3,818 merged rows, and the in_random2000 random sample); the PopQA rows are
skipped, with a note in the fixture, when the shared data is absent.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
WORLD = os.path.join(REPO, "datasets", "src", "main", "resources", "dev", "tailgap", "datasets",
                     "bundled", "world-cities.jsonl")
POPQA = os.path.normpath(os.path.join(REPO, "..", "shared", "datasets", "popqa", "popqa_merged.tsv"))
OUT = os.path.join(REPO, "datasets", "src", "test", "resources", "dev", "tailgap", "datasets", "mass",
                   "reference.json")


def head_to_tail_sizes(values, k, exclude_zero):
    ordered = sorted(values)
    running = [0]
    for v in ordered:
        running.append(running[-1] + v)
    total = running[len(ordered)] - running[0]
    cuts = [None] * (k - 1)
    for i in range(len(ordered)):
        for j in range(1, k):
            if cuts[j - 1] is None and (running[i + 1] - running[0]) / total >= j / k:
                cuts[j - 1] = i
    sizes = [0] * k  # tail first here
    for v in values:
        for j in range(k - 1):
            if v <= ordered[cuts[j]]:
                if not (exclude_zero and v == 0):
                    sizes[j] += 1
                break
        else:
            sizes[k - 1] += 1
    return list(reversed(sizes))


def number(text):
    v = float(text)
    return int(v) if v.is_integer() else v


def main():
    cases = []
    with open(WORLD, encoding="utf-8") as fh:
        world = [number(json.loads(line)["frequency"]) for line in fh if line.strip()]
    inputs = [("world-cities", world)]
    if os.path.isfile(POPQA):
        csv.field_size_limit(sys.maxsize)
        with open(POPQA, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        inputs.append(("popqa-merged", [number(r["s_pop"]) for r in rows]))
        inputs.append(("popqa-random2000",
                       [number(r["s_pop"]) for r in rows if r["in_random2000"] == "true"]))
    for name, values in inputs:
        for k in (2, 3, 4):
            for exclude_zero in (False, True):
                cases.append(dict(name=name, k=k, excludeZero=exclude_zero, n=len(values),
                                  zeros=sum(1 for v in values if v == 0),
                                  sizes=head_to_tail_sizes(values, k, exclude_zero)))
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(dict(cases=cases), fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
