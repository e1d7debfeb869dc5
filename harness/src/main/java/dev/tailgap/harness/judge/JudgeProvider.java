package dev.tailgap.harness.judge;

import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScorerContext;
import dev.tailgap.harness.scoring.ScorerProvider;
import dev.tailgap.harness.scoring.Scorers;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code judge}: an LLM grades each answer ({@link JudgeScorer}); needs {@code --judge-model PROVIDER:MODEL}. */
public final class JudgeProvider implements ScorerProvider {
    public static final String NAME = "judge";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an LLM judge grades each answer against the golds (Head-to-Tail); needs --judge-model PROVIDER:MODEL";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of("template"));
        if (c.judge() == null || c.judgeModel() == null) {
            throw new IllegalArgumentException("scorer judge needs --judge-model PROVIDER:MODEL (and --judge-base-url "
                    + "for a local endpoint)");
        }
        ModelRef ref;
        try {
            ref = ModelRef.parse(c.judgeModel());
        } catch (AdapterConfigException e) {
            throw new IllegalArgumentException("--judge-model: " + e.getMessage());
        }
        String file = c.options().get("template");
        JudgeTemplate template = file == null ? JudgeTemplate.defaults() : JudgeTemplate.read(Path.of(file));
        Scorer rule = Scorers.create(Scorers.DEFAULT, c.withOptions(Map.of()));
        return new JudgeScorer(c.judge(), c.judgeModel(), ref.model(), template, rule, c.hedged());
    }
}
