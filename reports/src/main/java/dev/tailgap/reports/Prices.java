package dev.tailgap.reports;

/**
 * What a model's tokens cost, in US dollars per million prompt ({@code inputPerMillion}) and completion
 * ({@code outputPerMillion}) tokens. Both finite and at least 0.
 */
public record Prices(double inputPerMillion, double outputPerMillion) {
    public Prices {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                || Double.isInfinite(outputPerMillion)) {
            throw new IllegalArgumentException("prices are US dollars per million tokens, finite and at least 0; got "
                    + inputPerMillion + " and " + outputPerMillion);
        }
    }
}
