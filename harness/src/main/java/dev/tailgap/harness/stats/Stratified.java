package dev.tailgap.harness.stats;

import dev.tailgap.reports.Estimate;

/**
 * Population estimates from a sample stratified by bucket: each stratum (bucket) {@code h} holds {@code sizes[h]}
 * items of the whole dataset, of which {@code n[h]} were scored; {@code num[h]} of those count in the numerator and
 * {@code den[h]} ({@code >= num[h]}) in the denominator of the rate.
 *
 * <p>The estimate is the combined ratio {@code R = Σ W_h num_h/n_h / Σ W_h den_h/n_h} with {@code W_h = N_h / N}
 * (for a rate over scored items, {@code den = n}: the bucket-size-weighted mean of the bucket rates). Its variance is
 * the linearised {@code v = Σ W_h² s²_h / n_h / (Σ W_h den_h/n_h)²}, {@code s²_h} the within-bucket variance
 * (divisor {@code n_h}) of {@code z = y − R·x} (Cochran 1977, §6.11), with no finite-population correction: like the
 * per-bucket Wilson intervals, it is an interval for the model's rate on items like the dataset's. The interval is
 * Wilson's at the effective sample size {@code n* = R(1−R)/v} (Kish; the Wilson form of Korn and Graubard 1998,
 * recommended for survey proportions by Dean and Pagano 2015). When {@code v = 0} (every sampled bucket all one way)
 * or {@code R} is 0 or 1, {@code n*} is the number of items in the denominator. With one stratum this is exactly the
 * Wilson interval of the pooled sample. Strata of size 0 are ignored; a non-empty stratum without a scored item, or
 * a denominator of 0, gives {@link Estimate#NONE}.
 */
public final class Stratified {
    private Stratified() {
    }

    /** The bucket-size-weighted proportion {@code successes / n}. */
    public static Estimate proportion(long[] sizes, long[] n, long[] successes) {
        return ratio(sizes, n, n, successes);
    }

    /** The bucket-size-weighted ratio {@code num / den}; see the class contract. */
    public static Estimate ratio(long[] sizes, long[] n, long[] den, long[] num) {
        int k = sizes.length;
        if (n.length != k || den.length != k || num.length != k) {
            throw new IllegalArgumentException("every stratum needs a size, n, denominator and numerator");
        }
        double total = 0;
        for (int h = 0; h < k; h++) {
            if (sizes[h] < 0 || n[h] < 0 || den[h] < 0 || num[h] < 0 || den[h] > n[h] || num[h] > den[h]) {
                throw new IllegalArgumentException("stratum " + h + ": counts must satisfy 0 <= num <= den <= n,"
                        + " got " + num[h] + ", " + den[h] + ", " + n[h]);
            }
            if (sizes[h] > 0) {
                if (n[h] == 0) {
                    return Estimate.NONE;
                }
                total += sizes[h];
            }
        }
        if (total == 0) {
            return Estimate.NONE;
        }
        double ybar = 0;
        double xbar = 0;
        long denominatorItems = 0;
        for (int h = 0; h < k; h++) {
            if (sizes[h] > 0) {
                double w = sizes[h] / total;
                ybar += w * num[h] / n[h];
                xbar += w * den[h] / n[h];
                denominatorItems += den[h];
            }
        }
        if (xbar == 0) {
            return Estimate.NONE;
        }
        double r = ybar / xbar;
        double v = 0;
        for (int h = 0; h < k; h++) {
            if (sizes[h] > 0) {
                double w = sizes[h] / total;
                double nh = n[h];
                double meanZ = (num[h] - r * den[h]) / nh;
                double meanZ2 = (num[h] * (1 - r) * (1 - r) + (den[h] - num[h]) * r * r) / nh;
                double s2 = Math.max(0.0, meanZ2 - meanZ * meanZ);
                v += w * w * s2 / nh;
            }
        }
        v /= xbar * xbar;
        boolean degenerate = !(v > 0) || r <= 0 || r >= 1;
        double effective = degenerate ? denominatorItems : r * (1 - r) / v;
        return Proportions.wilson(r, effective);
    }
}
