package dev.tailgap.harness.plan;

import dev.tailgap.harness.scoring.ScoringOptions;
import dev.tailgap.harness.scoring.Scorers;
import java.util.Objects;

/**
 * How answers are scored: the scorer's name (a {@link dev.tailgap.harness.scoring.ScorerProvider}; default
 * {@value Scorers#DEFAULT}) and its options, the hedged-guess policy and the judge ({@link ScoringOptions}). The name
 * is resolved when the run starts, before the dataset is read. Immutable.
 */
public record Scoring(String scorer, ScoringOptions options) {

    public static final Scoring DEFAULTS = new Scoring(Scorers.DEFAULT, ScoringOptions.DEFAULTS);

    public Scoring {
        Objects.requireNonNull(scorer, "scorer");
        options = options == null ? ScoringOptions.DEFAULTS : options;
    }

    public Scoring withScorer(String v) {
        return new Scoring(v, options);
    }

    public Scoring withOptions(ScoringOptions v) {
        return new Scoring(scorer, v);
    }
}
