"""Regenerate with: python3 harness/src/test/python/stats_reference.py  (needs numpy and scipy)

Independent reference values for dev.tailgap.harness.stats, written to
harness/src/test/resources/stats/reference.json and read by the Java tests.

Sources per method:
  Wilson score interval    scipy.stats.binomtest(k, n).proportion_ci(method='wilson')
  Newcombe, unpaired       Newcombe (1998a) method 10, square-and-add over scipy's Wilson limits;
                           also pinned to the published Table II values (4 decimals)
  Newcombe, paired         Newcombe (1998b) method 10 over scipy's Wilson limits of the two
                           marginals, correlation term phi with the n/2 adjustment of the paper;
                           pinned to a published worked example (4 decimals)
  exact McNemar            scipy.stats.binomtest(min(b, c), b + c, 0.5), two-sided; checked equal to
                           the doubled lower tail min(1, 2 P(X <= min(b, c)))
  Holm                     plain step-down loop, hand-checked cases asserted below
  log-linear slope         scipy.stats.linregress on log10(frequency) and scipy.stats.t.ppf
                           (classic OLS standard error, checked against linregress's); binned
                           R^2 with numpy

Undefined values are written as null (JSON has no NaN).
"""
import json
import math
import os

import numpy as np
from scipy import stats

Z = 1.959963984540054
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "stats", "reference.json")


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


# ---------------------------------------------------------------- Wilson

def wilson(k, n):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return k / n, float(ci.low), float(ci.high)


WILSON_CASES = [
    (0, 1), (1, 1), (0, 2), (1, 2), (2, 2), (0, 5), (5, 5), (1, 5), (3, 7),
    (0, 10), (1, 10), (9, 10), (10, 10), (81, 263), (15, 148), (0, 20), (20, 20),
    (56, 70), (48, 80), (500, 1000), (1, 1000), (999, 1000),
    (0, 1_000_000), (1, 1_000_000), (123_456, 1_000_000), (999_999, 1_000_000),
    (1_000_000, 1_000_000), (0, 1_000_000_000), (314_159_265, 1_000_000_000),
]


# ---------------------------------------------------------------- Newcombe, unpaired (method 10)

def newcombe(x1, n1, x2, n2):
    p1, l1, u1 = wilson(x1, n1)
    p2, l2, u2 = wilson(x2, n2)
    d = p1 - p2
    lower = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d, lower, upper


NEWCOMBE_CASES = [
    (56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20),
    (0, 10, 0, 10), (10, 10, 0, 20), (10, 10, 0, 10), (0, 1, 1, 1), (1, 1, 0, 1),
    (1, 1, 1, 1), (3, 4, 1, 9), (40, 50, 10, 60), (7, 34, 1, 34),
    (600_000, 1_000_000, 550_000, 1_000_000), (1, 1_000_000, 0, 1_000_000),
    (123, 1_000_000, 999_000, 1_000_000), (17, 300, 250, 4000),
]

# Newcombe (1998a), Statistics in Medicine 17:873-890, Table II, method 10, as published to
# 4 decimals. Example (c) 6/7 vs 2/7 is left out: its published limits could not be confirmed here.
NEWCOMBE_PUBLISHED = [
    (56, 70, 48, 80, 0.0524, 0.3339),
    (9, 10, 3, 10, 0.1705, 0.8090),
    (5, 56, 0, 29, -0.0381, 0.1926),
    (0, 10, 0, 20, -0.1611, 0.2775),
    (0, 10, 0, 10, -0.2775, 0.2775),
    (10, 10, 0, 20, 0.6791, 1.0000),
    (10, 10, 0, 10, 0.6075, 1.0000),
]


# ---------------------------------------------------------------- Newcombe, paired (method 10)

def paired(a, b, c, d):
    """Table: a = both correct, b = first only, c = second only, d = neither."""
    n = a + b + c + d
    p1, l1, u1 = wilson(a + b, n)
    p2, l2, u2 = wilson(a + c, n)
    diff = p1 - p2
    marg = (a + b) * (c + d) * (a + c) * (b + d)
    if marg == 0:
        phi = 0.0
    else:
        big_a = a * d - b * c
        if big_a > n / 2:
            num_phi = big_a - n / 2
        elif big_a >= 0:
            num_phi = 0.0
        else:
            num_phi = big_a
        phi = num_phi / math.sqrt(float(marg))
    dl = (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2
    du = (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2
    lower = max(-1.0, diff - math.sqrt(max(0.0, dl)))
    upper = min(1.0, diff + math.sqrt(max(0.0, du)))
    return diff, lower, upper


PAIRED_CASES = [
    (59, 6, 16, 80), (14, 5, 0, 22), (1, 1, 7, 12), (10, 0, 0, 0), (0, 0, 0, 10),
    (5, 0, 0, 5), (0, 3, 0, 0), (0, 0, 3, 0), (0, 1, 0, 0), (1, 0, 0, 0), (2, 3, 3, 2),
    (30, 12, 2, 6), (3, 10, 1, 3), (25, 1, 1, 25), (400, 37, 52, 511),
    (450_000, 30_000, 25_000, 495_000), (0, 4, 6, 0), (12, 9, 2, 21),
]

# Fagerland, Lydersen & Laake, "Statistical Analysis of Contingency Tables" (2017), paired 2x2
# chapter: complete response before and after consolidation therapy (Cavo et al. 2012),
# Newcombe square-and-add interval, published to 4 decimals. It also settles the form of phi:
# with the plain phi = (ad - bc) / sqrt(margins) the limits would be -0.1174 to -0.0059.
# The worked examples of Newcombe (1998b) itself are not used: their tables could not be
# confirmed here.
PAIRED_PUBLISHED = [
    (59, 6, 16, 80, -0.0621, -0.1186, -0.0046),
]


# ---------------------------------------------------------------- exact McNemar

def mcnemar(b, c):
    if b + c == 0:
        return 1.0, 1.0
    p_scipy = stats.binomtest(min(b, c), b + c, 0.5, alternative="two-sided").pvalue
    tail = min(1.0, 2.0 * stats.binom.cdf(min(b, c), b + c, 0.5))
    return float(p_scipy), float(tail)


MCNEMAR_CASES = [
    (0, 0), (0, 1), (1, 0), (1, 1), (0, 5), (5, 0), (2, 8), (8, 2), (3, 3), (6, 16),
    (10, 11), (1, 10), (25, 45), (100, 130), (2400, 2600), (2450, 2550), (2500, 2500),
    (2000, 3000), (1000, 4000), (0, 5000), (4999, 1),
]


# ---------------------------------------------------------------- Holm

def holm(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    out = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def close(a, b):
    return all(abs(x - y) < 1e-15 for x, y in zip(a, b))


# hand-worked: sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005 = 0.02, 3*0.01 = 0.03,
# 2*0.03 = 0.06, max(0.06, 1*0.04) = 0.06
assert close(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02])
# hand-worked: 3*0.2 = 0.6, max(0.6, 2*0.25) = 0.6, capped 1*0.9 -> 0.9; and a cap at 1
assert close(holm([0.9, 0.2, 0.25]), [0.9, 0.6, 0.6])
assert close(holm([0.5, 0.6]), [1.0, 1.0])

HOLM_CASES = [
    [], [0.03], [0.01, 0.04, 0.03, 0.005], [0.9, 0.2, 0.25], [0.5, 0.6], [0.01, 0.01, 0.01],
    [0.0, 1.0, 0.5], [1e-12, 0.049, 0.051, 0.2, 0.0125],
]
_rng = np.random.default_rng(20240501)
for size in (5, 12, 30):
    HOLM_CASES.append([float(v) for v in _rng.random(size) ** 3])


# ---------------------------------------------------------------- log-linear fit

def loglinear_reference(freq, correct):
    freq = np.asarray(freq, dtype=float)
    y_all = np.asarray(correct, dtype=float)
    keep = freq > 0
    x = np.log10(freq[keep])
    y = y_all[keep]
    n = int(keep.sum())
    res = dict(n=n, excluded=int((~keep).sum()), slope=None, lower=None, upper=None,
               intercept=None, r2=None)
    if n < 3 or np.all(x == x[0]):
        return res
    lr = stats.linregress(x, y)
    # classic OLS standard error from the residuals; linregress agrees where it defines one,
    # but returns NaN when y is constant (all correct or all wrong), where the residuals are
    # all zero and the classic standard error is 0
    resid = y - (lr.intercept + lr.slope * x)
    se = math.sqrt(np.sum(resid ** 2) / (n - 2) / np.sum((x - x.mean()) ** 2))
    if np.isfinite(lr.stderr):
        assert abs(se - lr.stderr) <= 1e-12 * max(1e-300, lr.stderr) + 1e-15, (se, lr.stderr)
        se = float(lr.stderr)
    else:
        assert np.all(y == y[0]) and lr.slope == 0.0
    t = stats.t.ppf(0.975, n - 2)
    res.update(slope=float(lr.slope), lower=float(lr.slope - t * se),
               upper=float(lr.slope + t * se), intercept=float(lr.intercept))
    k = np.floor(x).astype(np.int64)
    bins = np.unique(k)
    if len(bins) >= 2:
        nb = np.array([np.sum(k == b) for b in bins], dtype=float)
        xb = np.array([x[k == b].mean() for b in bins])
        yb = np.array([y[k == b].mean() for b in bins])
        yw = np.sum(nb * yb) / np.sum(nb)
        ss_tot = np.sum(nb * (yb - yw) ** 2)
        ss_res = np.sum(nb * (yb - (lr.intercept + lr.slope * xb)) ** 2)
        if ss_tot > 0:
            res["r2"] = float(1.0 - ss_res / ss_tot)
    return res


def synthetic(seed, n, beta, mid=3.5, alpha=0.0, lo=0.0, hi=7.0, zero_share=0.05,
              integer=True):
    """Logistic accuracy in log10(frequency); a share of items gets frequency 0."""
    rng = np.random.default_rng(seed)
    u = rng.uniform(lo, hi, n)
    freq = np.rint(10.0 ** u) if integer else 10.0 ** u
    if integer:
        freq = np.maximum(freq, 1.0)
    zero = rng.random(n) < zero_share
    freq[zero] = 0.0
    p = 1.0 / (1.0 + np.exp(-(alpha + beta * (u - mid))))
    correct = (rng.random(n) < p).astype(int)
    if integer:
        freq_out = [int(f) for f in freq]
    else:
        freq_out = [float(f) for f in freq]
    return freq_out, [int(c) for c in correct]


def datasets():
    out = []

    def add(name, freq, correct):
        out.append(dict(name=name, frequency=freq, correct=correct,
                        **loglinear_reference(freq, correct)))

    add("popqa-like", *synthetic(1, 3000, beta=1.1))
    add("flat", *synthetic(2, 1500, beta=0.0, alpha=0.3))
    add("steep-narrow", *synthetic(3, 800, beta=2.5, lo=2.0, hi=5.0, zero_share=0.1))
    add("fractional", *synthetic(4, 1000, beta=0.8, lo=-3.0, hi=4.0, mid=0.5, integer=False))
    add("small", *synthetic(5, 40, beta=1.0))
    add("many-zeros", *synthetic(6, 300, beta=1.5, zero_share=0.6))
    rng = np.random.default_rng(7)
    levels = [1, 10, 10, 300, 5000, 5000, 70000]
    f = [int(levels[i]) for i in rng.integers(0, len(levels), 400)]
    add("repeated-frequencies", f, [int(v) for v in rng.random(400) < 0.5])
    add("three-items", [10, 100, 1000], [0, 1, 1])
    add("two-items", [10, 100], [0, 1])
    add("one-frequency", [42, 42, 42, 42, 0], [0, 1, 1, 0, 1])
    add("single-bin", [100, 150, 200, 350, 999, 120], [0, 0, 1, 1, 1, 0])
    add("all-correct", [1, 10, 100, 1000, 10000, 20], [1, 1, 1, 1, 1, 1])
    add("equal-bin-accuracy", [1, 2, 10, 20, 100, 200], [0, 1, 0, 1, 1, 0])
    add("only-zeros", [0, 0, 0], [1, 0, 1])
    add("empty", [], [])
    return out


def main():
    doc = {
        "z": Z,
        "wilson": [], "newcombe": [], "newcombePublished": [], "paired": [],
        "pairedPublished": [], "mcnemar": [], "holm": [], "loglinear": datasets(),
    }
    for k, n in WILSON_CASES:
        v, lo, hi = wilson(k, n)
        doc["wilson"].append(dict(k=k, n=n, value=v, lower=lo, upper=hi))
    for x1, n1, x2, n2 in NEWCOMBE_CASES:
        v, lo, hi = newcombe(x1, n1, x2, n2)
        doc["newcombe"].append(dict(x1=x1, n1=n1, x2=x2, n2=n2, value=v, lower=lo, upper=hi))
    for x1, n1, x2, n2, lo, hi in NEWCOMBE_PUBLISHED:
        _, clo, chi = newcombe(x1, n1, x2, n2)
        assert round(clo, 4) == lo and round(chi, 4) == hi, (x1, n1, x2, n2, clo, chi)
        doc["newcombePublished"].append(dict(x1=x1, n1=n1, x2=x2, n2=n2, lower=lo, upper=hi))
    for a, b, c, d in PAIRED_CASES:
        v, lo, hi = paired(a, b, c, d)
        doc["paired"].append(dict(a=a, b=b, c=c, d=d, value=v, lower=lo, upper=hi))
    for a, b, c, d, v, lo, hi in PAIRED_PUBLISHED:
        cv, clo, chi = paired(a, b, c, d)
        assert (round(cv, 4), round(clo, 4), round(chi, 4)) == (v, lo, hi), (cv, clo, chi)
        doc["pairedPublished"].append(dict(a=a, b=b, c=c, d=d, value=v, lower=lo, upper=hi))
    for b, c in MCNEMAR_CASES:
        p, tail = mcnemar(b, c)
        # binomtest's two-sided p sums outcomes no likelier than the observed one; with p = 0.5
        # the distribution is symmetric, so that is the doubled tail.
        assert p == tail or abs(p - tail) <= 1e-12 * max(p, tail), (b, c, p, tail)
        doc["mcnemar"].append(dict(b=b, c=c, p=p, doubledTail=tail))
    for ps in HOLM_CASES:
        doc["holm"].append(dict(p=ps, adjusted=holm(ps)))
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, separators=(",", ":"), allow_nan=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
