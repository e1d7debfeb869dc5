package dev.tailgap.harness.stats;

import dev.tailgap.reports.Estimate;

/**
 * Interval estimates for binomial proportions and for the difference of two independent proportions, at 95%.
 *
 * <p>{@link #wilson} is the Wilson score interval; at 0 and {@code n} successes the outer bound is exactly 0 or 1.
 * {@link #newcombe} is Newcombe's hybrid score ("square-and-add") interval, method 10 of Newcombe (1998), Statistics
 * in Medicine 17:873–890, built from the two Wilson intervals. Counts must satisfy {@code 0 <= successes <= n};
 * a sample of size 0 gives {@link Estimate#NONE}.
 */
public final class Proportions {
    /** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
    public static final double Z = 1.959963984540054;

    private Proportions() {
    }

    /**
     * Wilson score 95% interval for {@code successes / n}.
     *
     * @return the proportion with its interval, or {@link Estimate#NONE} when {@code n == 0}
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n}
     */
    public static Estimate wilson(long successes, long n) {
        checkCounts(successes, n);
        if (n == 0) {
            return Estimate.NONE;
        }
        double nd = n;
        double z2 = Z * Z;
        double denom = 2.0 * (nd + z2);
        double center = (2.0 * successes + z2) / denom;
        // 4·n·p·(1−p) written as 4·k·(n−k)/n keeps k and n−k exact
        double spread = 4.0 * ((double) successes * (double) (n - successes)) / nd;
        double half = Z * Math.sqrt(z2 + spread) / denom;
        double lower = successes == 0 ? 0.0 : Math.max(0.0, center - half);
        double upper = successes == n ? 1.0 : Math.min(1.0, center + half);
        return new Estimate((double) successes / nd, lower, upper);
    }

    /**
     * Wilson score 95% interval for a proportion {@code p} estimated with the effective sample size {@code n}, which
     * need not be an integer (a design-based estimate, see {@link Stratified}): {@code (p + z²/2n ± z·√(p(1−p)/n +
     * z²/4n²)) / (1 + z²/n)}; at {@code p} = 0 or 1 the outer bound is exactly 0 or 1. For {@code p = k/n} with whole
     * {@code k} and {@code n} it equals {@link #wilson(long, long)} up to rounding.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1} and {@code n > 0}
     */
    public static Estimate wilson(double p, double n) {
        if (!(p >= 0 && p <= 1) || !(n > 0)) {
            throw new IllegalArgumentException("need 0 <= p <= 1 and n > 0, got p = " + p + ", n = " + n);
        }
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        double lower = p == 0 ? 0.0 : Math.max(0.0, center - half);
        double upper = p == 1 ? 1.0 : Math.min(1.0, center + half);
        return new Estimate(p, lower, upper);
    }

    /**
     * Newcombe's hybrid score 95% interval (method 10) for the difference {@code x1/n1 − x2/n2} of two independent
     * proportions: {@code D − √((p1−l1)² + (u2−p2)²)} to {@code D + √((u1−p1)² + (p2−l2)²)} with (l, u) the Wilson
     * limits of each proportion.
     *
     * @return the difference with its interval, or {@link Estimate#NONE} when either sample is empty
     * @throws IllegalArgumentException unless {@code 0 <= x <= n} for both samples
     */
    public static Estimate newcombe(long x1, long n1, long x2, long n2) {
        checkCounts(x1, n1);
        checkCounts(x2, n2);
        if (n1 == 0 || n2 == 0) {
            return Estimate.NONE;
        }
        Estimate first = wilson(x1, n1);
        Estimate second = wilson(x2, n2);
        return squareAndAdd(first, second, 0.0);
    }

    /**
     * Combines two Wilson intervals into an interval for {@code first.value − second.value}; {@code phi} is the
     * estimated correlation between the two proportions (0 for independent samples).
     */
    static Estimate squareAndAdd(Estimate first, Estimate second, double phi) {
        double p1 = first.value();
        double p2 = second.value();
        double diff = p1 - p2;
        double a = p1 - first.lower();
        double b = second.upper() - p2;
        double c = first.upper() - p1;
        double d = p2 - second.lower();
        double below = a * a - 2.0 * phi * a * b + b * b;
        double above = c * c - 2.0 * phi * c * d + d * d;
        double lower = Math.max(-1.0, diff - Math.sqrt(Math.max(0.0, below)));
        double upper = Math.min(1.0, diff + Math.sqrt(Math.max(0.0, above)));
        return new Estimate(diff, lower, upper);
    }

    static void checkCounts(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(
                    "counts must satisfy 0 <= successes <= n, got " + successes + " of " + n);
        }
    }
}
