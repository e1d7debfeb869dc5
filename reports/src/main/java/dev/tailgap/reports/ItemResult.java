package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * One line of a run's item log: the item as asked, the model's raw and extracted answer, the outcome and the cost.
 *
 * <p>Contract: {@code rawAnswer} and {@code extracted} are {@code null} for {@link Outcome#ERROR}, which carries the
 * one-line {@code error} instead; token counts are {@code -1} when the endpoint did not report them.
 */
public record ItemResult(String id, String question, List<String> answers, String concept, String relation,
                         double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                         String error, long latencyMs, int promptTokens, int completionTokens) {
    public ItemResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(bucket, "bucket");
        answers = List.copyOf(answers);
    }
}
