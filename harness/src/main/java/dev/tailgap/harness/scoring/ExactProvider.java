package dev.tailgap.harness.scoring;

import java.util.Set;

/** {@code exact}: the folded answer equals a folded gold ({@link ExactMatcher}). */
public final class ExactProvider implements ScorerProvider {
    public static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the whole answer is a gold answer, after folding case, accents, punctuation and articles";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of());
        return new RuleScorer(NAME, "", new ExactMatcher(), c.hedged());
    }
}
