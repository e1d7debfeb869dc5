package dev.tailgap.reports;

/**
 * What a run's live answers cost at the prices the user gave, in US dollars per million prompt ({@code inputPerMillion})
 * and completion ({@code outputPerMillion}) tokens: {@code usd}. Cached answers cost nothing. {@code lowerBound} is
 * true when some live answers had no token count, so the true cost is higher.
 */
public record Cost(double inputPerMillion, double outputPerMillion, double usd, boolean lowerBound) {
    public Cost {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                || Double.isInfinite(outputPerMillion)) {
            throw new IllegalArgumentException("prices are finite and >= 0 US dollars per million tokens, got "
                    + inputPerMillion + " and " + outputPerMillion);
        }
    }

    /** The cost of {@code totals}' live tokens at these prices. */
    public static Cost of(RunTotals totals, double inputPerMillion, double outputPerMillion) {
        double usd = (totals.promptTokens() * inputPerMillion + totals.completionTokens() * outputPerMillion) / 1e6;
        return new Cost(inputPerMillion, outputPerMillion, usd, totals.tokensPartial());
    }
}
