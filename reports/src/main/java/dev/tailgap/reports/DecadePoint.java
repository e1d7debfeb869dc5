package dev.tailgap.reports;

/**
 * Accuracy over the scored items whose frequency lies in one decade {@code [10^decade, 10^(decade+1))}: the points of
 * the accuracy-against-frequency chart. {@code meanLog10} is the mean log10(frequency) of those items (where the point
 * sits on a log axis), {@code n} how many were scored and {@code correct} how many were right; {@code accuracy} is
 * {@code correct / n} with its Wilson 95% interval. Items with frequency 0 have no decade and are not in any point.
 */
public record DecadePoint(int decade, double meanLog10, int n, int correct, Estimate accuracy) {
}
