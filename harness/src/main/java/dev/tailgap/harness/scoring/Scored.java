package dev.tailgap.harness.scoring;

import dev.tailgap.reports.Outcome;
import java.util.Objects;

/**
 * The result of scoring one answer: the extracted answer (see {@link AnswerExtractor}, never {@code null}) and its
 * outcome ({@link Outcome#CORRECT}, {@link Outcome#HALLUCINATED} or {@link Outcome#ABSTAINED} when produced by
 * {@link Scorer}; {@link Outcome#ERROR} comes only from the endpoint, never from scoring).
 */
public record Scored(String extracted, Outcome outcome) {
    public Scored {
        Objects.requireNonNull(extracted, "extracted");
        Objects.requireNonNull(outcome, "outcome");
    }
}
