package dev.tailgap.reports;

import java.util.Objects;

/**
 * One of the repeated samples of an item ({@code --samples K}): the raw answer and what the scorer extracted
 * ({@code null} when the endpoint failed), its outcome, and the one-line error of a failed sample.
 */
public record SampleAnswer(String rawAnswer, String extracted, Outcome outcome, String error) {
    public SampleAnswer {
        Objects.requireNonNull(outcome, "outcome");
    }
}
