package dev.tailgap.harness.scoring;

import dev.tailgap.reports.JudgeVerdict;
import dev.tailgap.reports.Outcome;
import java.util.Objects;

/**
 * A scorer's decision on one answer: the outcome, the extracted answer (see {@link AnswerExtractor}, never
 * {@code null}), a short reason a person can check ("gold 'Paris' in the answer", "refusal: 'no idea'") and, from
 * the judge only, what the judge said. {@link Outcome#ERROR} means the scorer could not decide (a judge call failed,
 * a reply could not be read); its reason says why.
 */
public record Verdict(Outcome outcome, String extracted, String reason, JudgeVerdict judge) {
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(extracted, "extracted");
        Objects.requireNonNull(reason, "reason");
    }

    public Verdict(Outcome outcome, String extracted, String reason) {
        this(outcome, extracted, reason, null);
    }

    /** The scorer could not decide on {@code extracted}, for {@code reason}. */
    public static Verdict error(String extracted, String reason) {
        return new Verdict(Outcome.ERROR, extracted, reason, null);
    }
}
