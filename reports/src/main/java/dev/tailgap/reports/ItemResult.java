package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * One line of a run's item log: the item as asked, the model's raw and extracted answer, the outcome and the cost.
 *
 * <p>Contract: {@code rawAnswer} and {@code extracted} are {@code null} when the endpoint failed ({@link Outcome#ERROR}
 * with the one-line {@code error}); a scorer that fails on an item also gives {@link Outcome#ERROR}, keeping the
 * answer. Token counts are {@code -1} when the endpoint did not report them. {@code reason} is the scorer's short
 * explanation ({@code null} in logs written before scorers gave one); {@code judge} is set only by the LLM judge.
 */
public record ItemResult(String id, String question, List<String> answers, String concept, String relation,
                         double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                         String error, long latencyMs, int promptTokens, int completionTokens, String reason,
                         JudgeVerdict judge) {
    public ItemResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(bucket, "bucket");
        answers = List.copyOf(answers);
    }

    /** A result without a scorer's reason or a judge's verdict. */
    public ItemResult(String id, String question, List<String> answers, String concept, String relation,
                      double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                      String error, long latencyMs, int promptTokens, int completionTokens) {
        this(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted, outcome, error,
                latencyMs, promptTokens, completionTokens, null, null);
    }
}
