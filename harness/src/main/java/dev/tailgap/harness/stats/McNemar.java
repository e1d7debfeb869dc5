package dev.tailgap.harness.stats;

import dev.tailgap.reports.Estimate;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Paired comparison of two runs scored on the same items, from the 2×2 table of outcomes: {@code a} items both runs
 * got right, {@code b} only the first, {@code c} only the second, {@code d} neither.
 *
 * <p>{@link #exactPValue} is the two-sided exact McNemar test: a binomial test of the discordant pairs against
 * p = ½, {@code min(1, 2·P(X ≤ min(b, c)))} with X ~ Binomial(b + c, ½), and 1 when there are no discordant pairs.
 * {@link #pairedDifference} is the difference in accuracy {@code (b − c)/n} with Newcombe's 95% interval for paired
 * data (method 10 of Newcombe 1998, Statistics in Medicine 17:2635–2650). Counts must be non-negative.
 */
public final class McNemar {
    private McNemar() {
    }

    /**
     * Two-sided exact McNemar p-value for {@code b} and {@code c} discordant pairs.
     *
     * @throws IllegalArgumentException if a count is negative or {@code b + c} exceeds {@link Integer#MAX_VALUE}
     */
    public static double exactPValue(long b, long c) {
        int discordant = discordant(b, c);
        long k = Math.min(b, c);
        if (2 * k >= discordant) {
            return 1.0; // b == c, including b = c = 0
        }
        return Math.min(1.0, 2.0 * lowerTail(discordant, (int) k));
    }

    /** {@code b + c}, after checking that both are non-negative and the sum fits the exact test. */
    private static int discordant(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be non-negative, got " + b + " and " + c);
        }
        long discordant = b + c;
        if (discordant > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many discordant pairs for the exact test: " + discordant);
        }
        return (int) discordant;
    }

    /**
     * P(X ≤ k) for X ~ Binomial(n, ½) with {@code k < n/2}, summed downwards from the largest term so that deep
     * tails keep their relative accuracy instead of vanishing in {@code 1 − upper tail}.
     */
    private static double lowerTail(int n, int k) {
        double logTop = new BinomialDistribution(n, 0.5).logProbability(k);
        double sum = 1.0; // in units of P(X = k)
        double term = 1.0;
        for (int i = k; i > 0; i--) {
            term *= (double) i / (double) (n - i + 1); // P(X = i − 1) / P(X = k)
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return StrictMath.exp(logTop + StrictMath.log(sum));
    }

    /**
     * Difference in accuracy between the first and the second run, {@code p_first − p_second = (b − c)/n} with
     * {@code n = a + b + c + d}, and its Newcombe 95% interval for paired data: the Wilson intervals of the two
     * marginal proportions combined by square-and-add with the correlation term φ̂ of the paper, whose numerator
     * {@code A = ad − bc} is taken as {@code A − n/2} when {@code A > n/2}, 0 when {@code 0 ≤ A ≤ n/2}, and
     * {@code A} when negative; φ̂ = 0 when a margin is empty.
     *
     * @return the difference with its interval, or {@link Estimate#NONE} when the table is empty
     * @throws IllegalArgumentException if a count is negative
     */
    public static Estimate pairedDifference(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException(
                    "table counts must be non-negative, got " + a + ", " + b + ", " + c + ", " + d);
        }
        long n = Math.addExact(Math.addExact(a, b), Math.addExact(c, d));
        if (n == 0) {
            return Estimate.NONE;
        }
        long firstRight = a + b;
        long firstWrong = c + d;
        long secondRight = a + c;
        long secondWrong = b + d;
        double phi = 0.0;
        if (firstRight > 0 && firstWrong > 0 && secondRight > 0 && secondWrong > 0) {
            double cross = (double) Math.subtractExact(Math.multiplyExact(a, d), Math.multiplyExact(b, c));
            double half = n / 2.0;
            double numerator = cross > half ? cross - half : (cross >= 0 ? 0.0 : cross);
            double margins = (double) firstRight * (double) firstWrong * (double) secondRight * (double) secondWrong;
            phi = numerator / Math.sqrt(margins);
        }
        Estimate first = Proportions.wilson(firstRight, n);
        Estimate second = Proportions.wilson(secondRight, n);
        Estimate combined = Proportions.squareAndAdd(first, second, phi);
        // report the difference from the discordant counts, exact up to one rounding
        return new Estimate((double) (b - c) / n, combined.lower(), combined.upper());
    }
}
