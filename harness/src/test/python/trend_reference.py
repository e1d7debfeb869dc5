"""Regenerate with: python3 harness/src/test/python/trend_reference.py  (needs statsmodels)

Reference values for the change between two independent runs in `tailgap trend` (runs on different datasets, or
without shared items): the difference of two proportions, later minus earlier, with Newcombe's hybrid score interval
from statsmodels.stats.proportion.confint_proportions_2indep(method="newcomb", compare="diff"), written to
harness/src/test/resources/history/trend_reference.json and read by TrendBuilderTest.
"""
import json
import os

from statsmodels.stats.proportion import confint_proportions_2indep

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "history", "trend_reference.json")

# (correct, n) of the later run, then of the earlier one
CASES = [(56, 70, 48, 80), (9, 10, 3, 10), (0, 25, 5, 25), (30, 30, 29, 30), (150, 610, 181, 610), (1, 2, 7, 9)]

out = []
for x1, n1, x2, n2 in CASES:
    lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
    out.append({"later": [x1, n1], "earlier": [x2, n2], "difference": x1 / n1 - x2 / n2,
                "lower": float(lo), "upper": float(hi)})
with open(OUT, "w") as f:
    json.dump({"newcombe": out}, f, indent=1)
    f.write("\n")
