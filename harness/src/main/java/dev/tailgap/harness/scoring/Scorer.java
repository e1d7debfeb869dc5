package dev.tailgap.harness.scoring;

/**
 * A scoring plug-in: turns one item and the model's raw answer into a {@link Verdict} (an outcome with a short
 * reason). Created by a {@link ScorerProvider} found through {@link Scorers}.
 *
 * <p>Contract: {@link #score} sees the whole item (question, concept, relation, golds, frequency) and the raw answer
 * ({@code null} counts as empty). It may call a model (the judge does, through {@link ScorerContext#judge()}). It
 * fails per item by returning {@link Verdict#error(String, String)} — never by calling a failure a hallucination; an
 * unchecked exception it throws is turned into such an ERROR by the caller. Implementations are thread-safe: the engine
 * scores items concurrently.
 */
public interface Scorer {

    /** The spec recorded in a run's settings, e.g. {@code contains+refusals(v2)+hedged:answer}. */
    String describe();

    /** Scores {@code rawAnswer} for {@code item}. */
    Verdict score(ScoringItem item, String rawAnswer);
}
