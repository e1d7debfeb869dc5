package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.reports.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * Turns a model's raw answer into an {@link Outcome}. Rule, in order:
 * <ol>
 *   <li>extract the answer with {@link AnswerExtractor#extract(String)};</li>
 *   <li>if the {@link Matcher} finds a gold answer in it: {@link Outcome#CORRECT};</li>
 *   <li>else if the {@link AbstentionDetector} finds an abstention (including an empty answer):
 *       {@link Outcome#ABSTAINED};</li>
 *   <li>else {@link Outcome#HALLUCINATED}.</li>
 * </ol>
 * Matching comes first, so a hedged but right answer ("not sure, maybe Paris") is CORRECT and a hedged wrong guess
 * ("not sure, maybe Lyon") is ABSTAINED. {@link Outcome#ERROR} is never produced here: endpoint failures never reach
 * the scorer.
 *
 * <p>{@link #score(String, List)} folds the golds on every call; {@link #score(String, FoldedGolds)} takes them
 * pre-folded (fold once per item, score many times). Both give the same result. Immutable and thread-safe.
 */
public final class Scorer {

    private static final Scorer DEFAULTS = new Scorer(Matchers.defaultMatcher(), AbstentionDetector.defaults());

    private final Matcher matcher;
    private final AbstentionDetector abstention;

    /** A scorer with the given matcher and abstention detector (both non-null). */
    public Scorer(Matcher matcher, AbstentionDetector abstention) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.abstention = Objects.requireNonNull(abstention, "abstention");
    }

    /** The {@code contains} matcher with the default abstention phrases: {@code contains+abstain(v1)}. */
    public static Scorer defaults() {
        return DEFAULTS;
    }

    public Matcher matcher() {
        return matcher;
    }

    public AbstentionDetector abstention() {
        return abstention;
    }

    /** The scoring spec for run files: matcher name, "+", abstention id, e.g. {@code contains+abstain(v1)}. */
    public String describe() {
        return matcher.name() + "+" + abstention.id();
    }

    /** Scores {@code rawAnswer} ({@code null} counts as empty) against {@code golds}. */
    public Scored score(String rawAnswer, List<String> golds) {
        return score(rawAnswer, FoldedGolds.of(golds));
    }

    /** Scores {@code rawAnswer} ({@code null} counts as empty) against pre-folded {@code golds}. */
    public Scored score(String rawAnswer, FoldedGolds golds) {
        Objects.requireNonNull(golds, "golds");
        String extracted = AnswerExtractor.extract(rawAnswer);
        String folded = Normalizer.fold(extracted);
        Outcome outcome;
        if (matcher.matchesFolded(extracted, folded, golds)) {
            outcome = Outcome.CORRECT;
        } else if (abstention.isAbstentionFolded(folded)) {
            outcome = Outcome.ABSTAINED;
        } else {
            outcome = Outcome.HALLUCINATED;
        }
        return new Scored(extracted, outcome);
    }

    @Override
    public String toString() {
        return describe();
    }
}
