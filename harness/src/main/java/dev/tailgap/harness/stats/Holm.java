package dev.tailgap.harness.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm–Bonferroni step-down adjustment of a family of p-values. With the p-values sorted ascending as
 * p(1) ≤ … ≤ p(m), the adjusted value of p(i) is {@code min(1, max over j ≤ i of (m − j + 1)·p(j))}: monotone in
 * the raw p-values, capped at 1, returned in the order of the input. Ties receive the same adjusted value. Each
 * p-value must lie in [0, 1].
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Holm-adjusted p-values, in input order; the input array is not modified.
     *
     * @throws IllegalArgumentException if a value is NaN or outside [0, 1]
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            double p = pValues[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("p-value " + i + " must lie in [0, 1], got " + p);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
        double[] adjusted = new double[m];
        double running = 0.0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
