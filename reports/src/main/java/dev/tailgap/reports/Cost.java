package dev.tailgap.reports;

import java.util.Objects;

/**
 * What a run's live answers cost at the {@link Prices} the user gave: {@code usd}, US dollars. Cached answers cost
 * nothing. {@code lowerBound} is true when some live answers had no token count, so the true cost is higher.
 */
public record Cost(Prices prices, double usd, boolean lowerBound) {
    public Cost {
        Objects.requireNonNull(prices, "prices");
        if (!(usd >= 0)) {
            throw new IllegalArgumentException("a cost is >= 0, got " + usd);
        }
    }

    /** The cost of {@code totals}' live tokens at {@code prices}. */
    public static Cost of(RunTotals totals, Prices prices) {
        double usd = (totals.promptTokens() * prices.inputPerMillion()
                + totals.completionTokens() * prices.outputPerMillion()) / 1e6;
        return new Cost(prices, usd, totals.tokensPartial());
    }
}
