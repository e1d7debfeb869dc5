"""Regenerate with: python3 harness/src/test/python/compare_reference.py  (needs scipy)

Writes three small saved runs on one synthetic dataset to harness/src/test/resources/compare/{a,b,c}/
(spec.json + items.jsonl, lines shuffled) and compare/reference.json: for each non-baseline run and bucket, the
paired 2x2 counts computed here from the item files, the two-sided exact McNemar p-value from
scipy.stats.binomtest(min(b, c), b + c, 0.5) (1 without discordant pairs), and the Holm step-down adjustment
across the buckets of that comparison.

It also writes, per comparison, the change in the head-vs-tail gap: the paired accuracy differences (other minus
baseline) in the head and the tail with Newcombe's paired interval (stats_reference.paired), combined by MOVER
(Zou & Donner 2008) into the change's 95% interval, each run's gap with Newcombe's unpaired interval, and a
stratified paired bootstrap of the change (items resampled within the head and within the tail, 20,000 draws,
numpy seed 7) whose percentile interval the closed form must match to within 0.03 (score-based limits are a
little wider than the percentile bootstrap at 60 to 120 pairs).

Run a is the baseline. Run b knows more tail items (a real difference in the tail, none in the head); run c
differs from a by chance only. Some items are ERROR in one run or missing from it: they are unpaired.
"""
import json
import math
import os
import random
import sys

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from stats_reference import holm, newcombe, paired  # noqa: E402  the plain loops the stats fixture uses
OUT = os.path.join(HERE, "..", "resources", "compare")
BUCKETS = [("head", 10000, None), ("torso", 100, 10000), ("tail", 0, 100)]
N = {"head": 60, "torso": 90, "tail": 120}
SHA = "5ca1ab1e" * 8


def bucket_of(f):
    for name, lo, hi in BUCKETS:
        if f >= lo and (hi is None or f < hi):
            return name
    raise ValueError(f)


def make_items(rng):
    items = []
    k = 0
    for name, lo, hi in BUCKETS:
        for _ in range(N[name]):
            k += 1
            top = hi if hi is not None else 1_000_000
            f = rng.randint(max(lo, 1), top - 1)
            items.append({"id": "item:%04d" % k, "question": "Question %d?" % k, "answers": ["answer %d" % k],
                          "frequency": f, "bucket": bucket_of(f)})
    return items


def outcome(rng, p_correct):
    u = rng.random()
    if u < p_correct:
        return "CORRECT"
    return "HALLUCINATED" if rng.random() < 0.6 else "ABSTAINED"


def run_items(items, rng, p, base=None, flip=0.0, errors=0.02, missing=0.02):
    out = []
    for it in items:
        if rng.random() < missing:
            continue
        if base is not None and it["id"] in base and rng.random() >= flip:
            o = base[it["id"]]
            if o == "ERROR":
                o = outcome(rng, p[it["bucket"]])
        else:
            o = outcome(rng, p[it["bucket"]])
        if rng.random() < errors:
            o = "ERROR"
        out.append(dict(it, outcome=o))
    return out


def write_run(name, model, results, rng):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    spec = {
        "settings": {"model": model, "endpoint": "fixture", "minBucketSize": 30, "bucketing": "edges:100,10000"},
        "dataset": {"name": "compare-fixture", "version": "1", "sha256": SHA, "size": sum(N.values()),
                    "frequencySource": "synthetic", "license": "CC0-1.0"},
        "bucketing": {"scheme": "edges:100,10000", "buckets": [
            {"name": n, "lower": lo, "upper": hi, "size": N[n]} for n, lo, hi in BUCKETS]},
    }
    with open(os.path.join(d, "spec.json"), "w") as f:
        json.dump(spec, f, indent=2, sort_keys=True)
        f.write("\n")
    lines = []
    for r in results:
        err = r["outcome"] == "ERROR"
        ans = None if err else ("answer " + r["id"][5:].lstrip("0") if r["outcome"] == "CORRECT"
                                else "unsure" if r["outcome"] == "ABSTAINED" else "wrong")
        lines.append(json.dumps({
            "id": r["id"], "question": r["question"], "answers": r["answers"], "concept": None, "relation": None,
            "frequency": r["frequency"], "bucket": r["bucket"], "rawAnswer": ans, "extracted": ans,
            "outcome": r["outcome"], "error": "HTTP 503" if err else None, "latencyMs": 1,
            "promptTokens": -1, "completionTokens": -1}, separators=(",", ":")))
    rng.shuffle(lines)
    with open(os.path.join(d, "items.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")


def mcnemar(b, c):
    if b + c == 0:
        return 1.0
    return float(stats.binomtest(min(b, c), b + c, 0.5).pvalue)


def compare(base, other):
    bi = {r["id"]: r for r in base}
    oi = {r["id"]: r for r in other}
    rows = []
    for name, _, _ in BUCKETS:
        a = b = c = d = unpaired = 0
        for i in sorted(set(bi) | set(oi)):
            x, y = bi.get(i), oi.get(i)
            if (x or y)["bucket"] != name:
                continue
            if x is None or y is None or x["outcome"] == "ERROR" or y["outcome"] == "ERROR":
                unpaired += 1
                continue
            cx, cy = x["outcome"] == "CORRECT", y["outcome"] == "CORRECT"
            if cx and cy:
                a += 1
            elif cx:
                b += 1
            elif cy:
                c += 1
            else:
                d += 1
        rows.append({"bucket": name, "bothCorrect": a, "baselineOnly": b, "otherOnly": c, "neither": d,
                     "unpaired": unpaired, "pValue": mcnemar(b, c)})
    for row, adj in zip(rows, holm([r["pValue"] for r in rows])):
        row["adjustedP"] = adj
    return rows


def compare_rate(base, other, outcome):
    """The paired change of one outcome's rate (HALLUCINATED, ABSTAINED) per bucket, other minus baseline."""
    bi = {r["id"]: r for r in base}
    oi = {r["id"]: r for r in other}
    rows = []
    for name, _, _ in BUCKETS:
        a = b = c = d = 0
        for i in sorted(set(bi) & set(oi)):
            x, y = bi[i], oi[i]
            if x["bucket"] != name or x["outcome"] == "ERROR" or y["outcome"] == "ERROR":
                continue
            hx, hy = x["outcome"] == outcome, y["outcome"] == outcome
            if hx and hy:
                a += 1
            elif hx:
                b += 1
            elif hy:
                c += 1
            else:
                d += 1
        rows.append({"bucket": name, "pairs": a + b + c + d, "baselineOnly": b, "otherOnly": c,
                     "difference": list(paired(a, c, b, d)), "pValue": mcnemar(b, c)})
    for row, adj in zip(rows, holm([r["pValue"] for r in rows])):
        row["adjustedP"] = adj
    return rows


def gap_shift(base, other, rows, min_size=30):
    scored = {name: [r for r in base if r["bucket"] == name and r["outcome"] != "ERROR"] for name, _, _ in BUCKETS}
    big = [name for name, _, _ in BUCKETS if len(scored[name]) >= min_size and len(scored[name]) > 0]
    head, tail = big[0], big[-1]

    def run_gap(run):
        def counts(name):
            s = [r for r in run if r["bucket"] == name and r["outcome"] != "ERROR"]
            return sum(r["outcome"] == "CORRECT" for r in s), len(s)
        (x1, n1), (x2, n2) = counts(head), counts(tail)
        return newcombe(x1, n1, x2, n2)

    def diff(name):
        r = next(row for row in rows if row["bucket"] == name)
        # other minus baseline: the other run is "first"
        return paired(r["bothCorrect"], r["otherOnly"], r["baselineOnly"], r["neither"])

    dh, lh, uh = diff(head)
    dt, lt, ut = diff(tail)
    change = dh - dt
    lower = change - math.sqrt((dh - lh) ** 2 + (ut - dt) ** 2)
    upper = change + math.sqrt((uh - dh) ** 2 + (dt - lt) ** 2)

    # stratified paired bootstrap over the paired items of the two buckets
    bi = {r["id"]: r for r in base}
    oi = {r["id"]: r for r in other}

    def pairs(name):
        out = []
        for i in sorted(set(bi) & set(oi)):
            x, y = bi[i], oi[i]
            if x["bucket"] == name and x["outcome"] != "ERROR" and y["outcome"] != "ERROR":
                out.append((y["outcome"] == "CORRECT") - (x["outcome"] == "CORRECT"))
        return np.array(out, dtype=float)

    ph, pt = pairs(head), pairs(tail)
    rng = np.random.default_rng(7)
    draws = 20000
    bh = ph[rng.integers(0, len(ph), (draws, len(ph)))].mean(axis=1)
    bt = pt[rng.integers(0, len(pt), (draws, len(pt)))].mean(axis=1)
    boot = np.percentile(bh - bt, [2.5, 97.5])
    assert abs(boot[0] - lower) < 0.03 and abs(boot[1] - upper) < 0.03, (boot, lower, upper)
    before, after = run_gap(base), run_gap(other)
    return {"head": head, "tail": tail, "before": list(before), "after": list(after),
            "headChange": [dh, lh, uh], "tailChange": [dt, lt, ut], "change": [change, lower, upper],
            "bootstrap": [float(boot[0]), float(boot[1])]}


def main():
    rng = random.Random(20240607)
    items = make_items(rng)
    p_a = {"head": 0.85, "torso": 0.55, "tail": 0.2}
    p_b = {"head": 0.85, "torso": 0.6, "tail": 0.45}
    a = run_items(items, rng, p_a)
    base = {r["id"]: r["outcome"] for r in a}
    b = run_items(items, rng, p_b, base=base, flip=0.35)
    c = run_items(items, rng, p_a, base=base, flip=0.25)
    for name, model, res in (("a", "fixture:a", a), ("b", "fixture:b", b), ("c", "fixture:c", c)):
        write_run(name, model, res, rng)
    rows_b, rows_c = compare(a, b), compare(a, c)
    ref = {"source": "compare_reference.py: pairing, counts, scipy.stats.binomtest and Holm computed independently",
           "pairs": [{"other": other, "buckets": rows, "gap": gap_shift(a, run, rows),
                      "hallucination": compare_rate(a, run, "HALLUCINATED"),
                      "abstention": compare_rate(a, run, "ABSTAINED")}
                     for other, run, rows in (("fixture:b", b, rows_b), ("fixture:c", c, rows_c))]}
    with open(os.path.join(OUT, "reference.json"), "w") as f:
        json.dump(ref, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
