package dev.tailgap.reports;

/**
 * Whole-run counts and rates: {@code asked} items, {@code n} scored, the outcome counts, A/H/M with Wilson intervals
 * over {@code n}, and the error rate over {@code asked}.
 */
public record Totals(int asked, int n, int correct, int hallucinated, int abstained, int errors, Estimate accuracy,
                     Estimate hallucination, Estimate abstention, Estimate precision, double errorRate) {
}
