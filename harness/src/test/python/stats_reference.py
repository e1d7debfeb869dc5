"""Regenerate with: python3 harness/src/test/python/stats_reference.py  (needs numpy, scipy, statsmodels)

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
  log-linear slope         scipy.stats.linregress on log10(frequency); its interval from
                           statsmodels OLS(...).fit(cov_type="HC3") (normal quantile); item R^2
                           from statsmodels' rsquared; binned R^2 with numpy; undefined when every
                           outcome is the same
  logistic fit             statsmodels Logit(...).fit(): coefficient and Wald interval; average
                           marginal effect from get_margeff() (point), its delta-method standard
                           error with the analytic gradient over statsmodels' cov_params (checked
                           against get_margeff's numerical one to 1e-6)
  stratified rates         bucket-size-weighted rate with the variance written as the textbook
                           stratified formula sum W_h^2 p_h q_h / n_h (for ratios: the linearised
                           one, computed over the items), Wilson at the effective n from
                           statsmodels proportion_confint(method="wilson")
  paired margin tests      Tango's score statistic with the restricted MLE found numerically by
                           scipy.optimize.brentq on the profile score (not the closed form);
                           p-values from scipy.stats.norm, with a continuity correction of 1/2

Undefined values are written as null (JSON has no NaN).
"""
import json
import math
import os

import numpy as np
from scipy import optimize, stats
import statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint

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
               intercept=None, r2=None, r2Items=None, logit=None, logitLower=None,
               logitUpper=None, ame=None, ameLower=None, ameUpper=None)
    if n < 3 or np.all(x == x[0]) or np.all(y == y[0]):
        return res
    lr = stats.linregress(x, y)
    X = sm.add_constant(x)
    ols = sm.OLS(y, X).fit(cov_type="HC3")
    assert abs(ols.params[1] - lr.slope) <= 1e-9 * max(1.0, abs(lr.slope))
    lo, hi = ols.conf_int(alpha=0.05)[1]
    res.update(slope=float(lr.slope), lower=float(lo), upper=float(hi),
               intercept=float(lr.intercept), r2Items=float(ols.rsquared))
    separated = x[y == 0].max() <= x[y == 1].min() or x[y == 1].max() <= x[y == 0].min()
    if not separated:
        logit = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-14, maxiter=200)
        b0, b1 = logit.params
        llo, lhi = logit.conf_int(alpha=0.05)[1]
        p = 1.0 / (1.0 + np.exp(-(b0 + b1 * x)))
        pq = p * (1 - p)
        ame = float(np.mean(b1 * pq))
        grad = np.array([np.mean(b1 * pq * (1 - 2 * p)), np.mean(pq + b1 * pq * (1 - 2 * p) * x)])
        se_ame = math.sqrt(grad @ logit.cov_params() @ grad)
        mfx = logit.get_margeff()
        assert abs(mfx.margeff[0] - ame) <= 1e-10, (mfx.margeff[0], ame)
        assert abs(mfx.margeff_se[0] - se_ame) <= 1e-6, (mfx.margeff_se[0], se_ame)
        res.update(logit=float(b1), logitLower=float(llo), logitUpper=float(lhi), ame=ame,
                   ameLower=ame - Z * se_ame, ameUpper=ame + Z * se_ame)
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


# ---------------------------------------------------------------- stratified rates

def stratified(sizes, n, den, num):
    """Bucket-size-weighted ratio num/den with its effective-n Wilson interval (None: undefined)."""
    sizes, n, den, num = (np.asarray(v, dtype=float) for v in (sizes, n, den, num))
    keep = sizes > 0
    if np.any(n[keep] == 0) or not np.any(keep):
        return None
    w = sizes[keep] / sizes[keep].sum()
    nh, xh, yh = n[keep], den[keep], num[keep]
    xbar = np.sum(w * xh / nh)
    if xbar == 0:
        return None
    r = np.sum(w * yh / nh) / xbar
    if np.array_equal(xh, nh):
        # a rate over scored items: the textbook stratified variance of a proportion
        ph = yh / nh
        v = np.sum(w ** 2 * ph * (1 - ph) / nh)
    else:
        # a ratio: linearised variance over the items of each stratum, z = y - r x
        v = 0.0
        for wi, ni, xi, yi in zip(w, nh, xh, yh):
            z = np.concatenate([np.full(int(yi), 1 - r), np.full(int(xi - yi), -r),
                                np.zeros(int(ni - xi))])
            v += wi ** 2 * np.var(z) / ni
        v /= xbar ** 2
    neff = xh.sum() if (v <= 0 or r <= 0 or r >= 1) else r * (1 - r) / v
    lo, hi = proportion_confint(r * neff, neff, alpha=0.05, method="wilson")
    lo = 0.0 if r == 0 else lo
    hi = 1.0 if r == 1 else hi
    return dict(value=float(r), lower=float(lo), upper=float(hi))


STRATIFIED_CASES = [
    # sizes, n, den, num
    ([33, 240, 1479], [33, 100, 100], [33, 100, 100], [31, 61, 18]),
    ([33, 240, 1479], [33, 100, 100], [28, 70, 40], [26, 58, 17]),
    ([5000, 3000, 2000, 100000], [200, 200, 200, 200], [200, 200, 200, 200], [180, 120, 60, 9]),
    ([5000, 3000, 2000, 100000], [200, 200, 200, 200], [150, 130, 100, 40], [140, 100, 50, 8]),
    ([100], [40], [40], [13]),
    ([10, 90], [10, 50], [10, 50], [10, 0]),
    ([10, 90], [10, 50], [10, 50], [0, 0]),
    ([10, 90], [10, 50], [10, 50], [10, 50]),
    ([10, 0, 90], [10, 0, 50], [10, 0, 50], [4, 0, 30]),
    ([10, 90], [10, 0], [10, 0], [4, 0]),
    ([7, 11, 500], [7, 11, 30], [3, 5, 12], [1, 5, 0]),
]


# ---------------------------------------------------------------- paired margin tests

def tango_sd(b, c, n, d0):
    """The null standard deviation of b - c in Tango's score test, restricted MLE of pi_c found numerically."""
    if not (-1 < d0 < 1):
        return None
    lo, hi = max(0.0, -d0), min(1.0, (1 - d0) / 2)

    def profile_score(q):
        pb = q + d0
        rest = 1 - 2 * q - d0
        return (b / pb if b else 0.0) + (c / q if c else 0.0) - 2 * (n - b - c) / rest

    # the profile score falls from +inf (or its value at the lower end) to -inf over (lo, hi)
    a_, b_ = lo + 1e-13, hi - 1e-13
    if profile_score(a_) <= 0:
        q = lo
    elif profile_score(b_) >= 0:
        q = hi
    else:
        q = optimize.brentq(profile_score, a_, b_, xtol=1e-300, rtol=1e-15, maxiter=500)
    var = n * (2 * q + d0 * (1 - d0))
    if var <= 0:
        return None
    return math.sqrt(var)


PAIRED_MARGIN_CASES = [
    # b (good in the first only), c (good in the second only), n pairs, margin
    (15, 4, 80, 0.02), (3, 1, 80, 0.02), (40, 25, 500, 0.02), (30, 22, 500, 0.015),
    (120, 80, 2000, 0.02), (0, 0, 50, 0.02), (5, 0, 50, 0.0), (0, 5, 50, 0.0), (12, 12, 300, 0.0),
    (2, 9, 300, -0.01), (60, 10, 300, 0.1), (0, 3, 40, 0.05), (7, 0, 40, 0.05), (1, 1, 3, 0.2),
]


def main():
    doc = {
        "z": Z,
        "wilson": [], "newcombe": [], "newcombePublished": [], "paired": [],
        "pairedPublished": [], "mcnemar": [], "holm": [], "loglinear": datasets(),
        "stratified": [], "pairedMargin": [],
    }
    for sizes, n, den, num in STRATIFIED_CASES:
        doc["stratified"].append(dict(sizes=sizes, n=n, den=den, num=num,
                                      estimate=stratified(sizes, n, den, num)))
    for b, c, n, d0 in PAIRED_MARGIN_CASES:
        sd = tango_sd(b, c, n, d0)
        # the p-values carry a continuity correction of half a discordant pair towards the null
        doc["pairedMargin"].append(dict(
            b=b, c=c, n=n, margin=d0, z=None if sd is None else (b - c - n * d0) / sd,
            pAbove=1.0 if sd is None else float(stats.norm.sf((b - c - n * d0 - 0.5) / sd)),
            pBelow=1.0 if sd is None else float(stats.norm.cdf((b - c - n * d0 + 0.5) / sd))))
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
