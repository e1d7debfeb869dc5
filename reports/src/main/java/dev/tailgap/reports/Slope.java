package dev.tailgap.reports;

/**
 * Log-linear fit of per-item correctness (1/0, scored items only) against log10(frequency): the change in accuracy
 * per decade of frequency with its 95% interval (OLS, t distribution), the intercept, and R² of the fitted line
 * against accuracy binned by whole decades (weighted by bin size). Items with frequency 0 cannot be placed on a log
 * axis and are counted in {@code excluded}. All values are {@code NaN} when fewer than three items or one distinct
 * frequency remain.
 */
public record Slope(double perDecade, double lower, double upper, double intercept, double r2, int n, int excluded) {
}
