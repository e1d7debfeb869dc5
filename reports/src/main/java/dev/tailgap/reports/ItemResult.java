package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * One line of a run's item log: the item as asked, the model's raw and extracted answer, the outcome and the cost, what
 * the reply said about itself, and why the scorer decided as it did.
 *
 * <p>Contract: {@code rawAnswer} and {@code extracted} are {@code null} when the endpoint failed ({@link Outcome#ERROR}
 * with the one-line {@code error}); a scorer that fails on an item also gives {@link Outcome#ERROR}, keeping the
 * answer. Token counts are {@code -1} when the endpoint did not report them. {@code finishReason} is the normalised
 * reason generation stopped ({@code stop}, {@code length}: truncated, {@code filter}, or {@code null} when unknown);
 * {@code reasoning} is reasoning text kept apart from the answer (never scored); {@code servedModel} and
 * {@code fingerprint} are the reply's {@code model} and {@code system_fingerprint}; {@code firstTokenMs} is the time to
 * the first streamed token ({@code -1}: not streamed); {@code cached} says the answer came from the response cache;
 * {@code attempt} is the 1-based attempt of the run that asked it. {@code reason} is the scorer's short explanation
 * ({@code null} in logs written before scorers gave one); {@code judge} is set only by the LLM judge.
 *
 * <p>{@code shots} are the ids of the worked examples shown before the question (empty for none), so a rerun shows
 * the same ones; {@code samples} holds every answer of an item asked K &gt; 1 times ({@code --samples}), in sample
 * order, the first being the one the fields above describe (empty when the item was asked once).
 */
public record ItemResult(String id, String question, List<String> answers, String concept, String relation,
                         double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                         String error, long latencyMs, int promptTokens, int completionTokens, String finishReason,
                         String reasoning, String servedModel, String fingerprint, long firstTokenMs, boolean cached,
                         int attempt, String reason, JudgeVerdict judge, List<String> shots,
                         List<SampleAnswer> samples) {
    /** The finish reason of an answer the token limit cut off. */
    public static final String TRUNCATED = "length";

    public ItemResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(bucket, "bucket");
        answers = List.copyOf(answers);
        shots = shots == null ? List.of() : List.copyOf(shots);
        samples = samples == null ? List.of() : List.copyOf(samples);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
    }

    /** A result asked once, without shots. */
    public ItemResult(String id, String question, List<String> answers, String concept, String relation,
                      double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                      String error, long latencyMs, int promptTokens, int completionTokens, String finishReason,
                      String reasoning, String servedModel, String fingerprint, long firstTokenMs, boolean cached,
                      int attempt, String reason, JudgeVerdict judge) {
        this(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted, outcome, error,
                latencyMs, promptTokens, completionTokens, finishReason, reasoning, servedModel, fingerprint,
                firstTokenMs, cached, attempt, reason, judge, List.of(), List.of());
    }

    /** This result with the shots shown and every sample's answer. */
    public ItemResult withRepeats(List<String> newShots, List<SampleAnswer> newSamples) {
        return new ItemResult(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted,
                outcome, error, latencyMs, promptTokens, completionTokens, finishReason, reasoning, servedModel,
                fingerprint, firstTokenMs, cached, attempt, reason, judge, newShots, newSamples);
    }

    /** A result of a first attempt with nothing known about the reply beyond text, latency and tokens. */
    public ItemResult(String id, String question, List<String> answers, String concept, String relation,
                      double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                      String error, long latencyMs, int promptTokens, int completionTokens) {
        this(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted, outcome, error,
                latencyMs, promptTokens, completionTokens, null, null);
    }

    /** A result of a first attempt with the scorer's reason and judge verdict, nothing known about the reply. */
    public ItemResult(String id, String question, List<String> answers, String concept, String relation,
                      double frequency, String bucket, String rawAnswer, String extracted, Outcome outcome,
                      String error, long latencyMs, int promptTokens, int completionTokens, String reason,
                      JudgeVerdict judge) {
        this(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted, outcome, error,
                latencyMs, promptTokens, completionTokens, null, null, null, null, -1, false, 1, reason, judge);
    }

    /** This result scored anew: the same answer and reply facts with another outcome, extraction and reason. */
    public ItemResult rescored(String bucketName, String newExtracted, Outcome newOutcome, String newError,
                               String newReason, JudgeVerdict newJudge) {
        return new ItemResult(id, question, answers, concept, relation, frequency, bucketName, rawAnswer,
                newExtracted, newOutcome, newError, latencyMs, promptTokens, completionTokens, finishReason,
                reasoning, servedModel, fingerprint, firstTokenMs, cached, attempt, newReason, newJudge, shots,
                samples);
    }

    /** True when the token limit cut the answer off. */
    public boolean truncated() {
        return TRUNCATED.equals(finishReason);
    }
}
