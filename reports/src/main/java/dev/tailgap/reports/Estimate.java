package dev.tailgap.reports;

/**
 * A point estimate with its 95% interval. For proportions the interval is Wilson's; for differences, Newcombe's.
 * All three are {@code NaN} when there is nothing to estimate from (no items).
 */
public record Estimate(double value, double lower, double upper) {
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(value);
    }
}
