"""Regenerate with: python3 harness/src/test/python/mcnemar_one_sided_reference.py  (needs scipy)

Independent reference values for McNemar.exactPValueOneSided, written to
harness/src/test/resources/stats/mcnemar-one-sided.json: the one-sided exact McNemar p-value for
"the first run is better", scipy.stats.binomtest(b, b + c, 0.5, alternative='greater'), checked
equal to scipy.stats.binom.sf(b - 1, b + c, 0.5).
"""
import json
import os

from scipy import stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "stats", "mcnemar-one-sided.json")

CASES = [
    (0, 0), (0, 1), (1, 0), (1, 1), (0, 5), (5, 0), (2, 8), (8, 2), (3, 3), (4, 3), (3, 4), (6, 16),
    (16, 6), (10, 11), (11, 10), (10, 1), (45, 25), (25, 45), (52, 22), (130, 100), (2600, 2400),
    (2550, 2450), (2500, 2500), (2501, 2500), (3000, 2000), (4000, 1000), (5000, 0), (1, 4999),
]


def main():
    out = []
    for b, c in CASES:
        if b + c == 0:
            p = 1.0
        else:
            p = float(stats.binomtest(b, b + c, 0.5, alternative="greater").pvalue)
            sf = float(stats.binom.sf(b - 1, b + c, 0.5))
            assert p == sf or abs(p - sf) <= 1e-12 * max(p, sf), (b, c, p, sf)
        out.append(dict(b=b, c=c, p=p))
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump({"mcnemarOneSided": out}, fh, indent=1, allow_nan=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
