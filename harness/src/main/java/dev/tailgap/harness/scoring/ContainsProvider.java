package dev.tailgap.harness.scoring;

import java.util.Set;

/** {@code contains}: a gold on word boundaries, with guarded short aliases ({@link ContainsMatcher}). */
public final class ContainsProvider implements ScorerProvider {
    public static final String NAME = "contains";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a gold answer on word boundaries (PopQA's rule; short aliases only as the whole answer)";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of());
        return new RuleScorer(NAME, c.aliases() == AliasRule.PLAIN ? "(aliases:plain)" : "",
                new ContainsMatcher(c.aliases()), c.hedged());
    }
}
