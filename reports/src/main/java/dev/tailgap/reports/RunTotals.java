package dev.tailgap.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a run cost and when it ran: start and end, requests sent (retries among them), answers from the response
 * cache, prompt and completion tokens, latency percentiles over the answered requests (milliseconds), time to first
 * token where replies were streamed ({@code NaN} otherwise) and the cost when prices were given ({@code null}
 * otherwise, in {@code currency}). Host-dependent, so it is kept apart from the settings that identify a run; a report
 * shows it when its {@link RunInfo} carries one.
 */
public record RunTotals(Instant started, Instant finished, long requests, long retries, long cacheHits,
                        long promptTokens, long completionTokens, double latencyP50Ms, double latencyP95Ms,
                        double latencyP99Ms, double firstTokenP50Ms, Double cost, String currency) {
    public RunTotals {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        if (finished.isBefore(started)) {
            throw new IllegalArgumentException("finished " + finished + " is before started " + started);
        }
    }

    /** From start to end. */
    public Duration duration() {
        return Duration.between(started, finished);
    }
}
