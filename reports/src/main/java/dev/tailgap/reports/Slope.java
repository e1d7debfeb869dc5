package dev.tailgap.reports;

/**
 * How accuracy changes with log10(frequency), fitted over the scored items (correct = 1, otherwise 0).
 *
 * <ul>
 *   <li>{@code perDecade}, {@code intercept}: the least-squares line; {@code lower}/{@code upper}: its 95% interval
 *   from the heteroskedasticity-robust HC3 standard error (MacKinnon and White 1985) with the normal quantile, valid
 *   for 0/1 outcomes where the classical OLS interval is not.</li>
 *   <li>{@code r2}: R² of the line against accuracy binned by whole decades (each bin at its mean log10 frequency and
 *   mean accuracy, weighted by its count); {@code r2Items}: R² over the individual items (the squared correlation of
 *   correctness and log10 frequency), much lower because single outcomes are 0 or 1.</li>
 *   <li>{@code logit}: the logistic regression coefficient of correctness on log10(frequency), in log-odds per decade,
 *   with its Wald 95% interval; {@code marginal}: its average marginal effect (mean over the items of the change in
 *   fitted probability per decade) with a delta-method 95% interval. Both undefined when the outcomes are perfectly
 *   separated by frequency (the maximum-likelihood estimate does not exist).</li>
 * </ul>
 * Items with frequency 0 cannot be placed on a log axis and are counted in {@code excluded}. When the fit is undefined
 * (fewer than three items, a single frequency, or every outcome the same) every number is {@code NaN} and
 * {@code note} says why; otherwise {@code note} is {@code null}.
 */
public record Slope(double perDecade, double lower, double upper, double intercept, double r2, int n, int excluded,
                    double r2Items, Estimate logit, Estimate marginal, String note) {

    public Slope {
        logit = logit == null ? Estimate.NONE : logit;
        marginal = marginal == null ? Estimate.NONE : marginal;
    }

    /** A least-squares fit without the item-level R² and the logistic fit. */
    public Slope(double perDecade, double lower, double upper, double intercept, double r2, int n, int excluded) {
        this(perDecade, lower, upper, intercept, r2, n, excluded, Double.NaN, Estimate.NONE, Estimate.NONE, null);
    }
}
