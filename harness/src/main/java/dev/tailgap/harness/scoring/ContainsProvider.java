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
        return "a gold answer on word boundaries (PopQA's rule; short aliases only as the whole answer; "
                + "--scorer-option derived=true adds demonyms and derived forms)";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of("derived"));
        String d = c.options().getOrDefault("derived", "false");
        if (!d.equals("true") && !d.equals("false")) {
            throw new IllegalArgumentException("contains option derived must be true or false, got '" + d + "'");
        }
        boolean derived = d.equals("true");
        String settings = (c.aliases() == AliasRule.PLAIN ? "(aliases:plain)" : "") + (derived ? "(derived)" : "");
        return new RuleScorer(NAME, settings, new ContainsMatcher(c.aliases(), derived), c.hedged());
    }
}
