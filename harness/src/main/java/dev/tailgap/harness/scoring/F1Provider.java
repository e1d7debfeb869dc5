package dev.tailgap.harness.scoring;

import java.util.Locale;
import java.util.Set;

/** {@code f1}: token F1 against the best gold, correct from a threshold ({@link F1Matcher}). */
public final class F1Provider implements ScorerProvider {
    public static final String NAME = "f1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "token F1 with the best gold (SQuAD normalisation) at least --scorer-option threshold=F (default "
                + F1Matcher.DEFAULT_THRESHOLD + ")";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of("threshold"));
        String t = c.options().get("threshold");
        double threshold;
        try {
            threshold = t == null ? F1Matcher.DEFAULT_THRESHOLD : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("f1 threshold must be a number, got '" + t + "'");
        }
        F1Matcher m = new F1Matcher(threshold);
        return new RuleScorer(NAME, String.format(Locale.ROOT, "(threshold:%s)",
                java.math.BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString()), m, c.hedged());
    }
}
