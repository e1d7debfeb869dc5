package dev.tailgap.reports;

import java.util.List;
import java.util.Objects;

/**
 * When and how a run was made, beside its figures: the first attempt's start and the last one's end (ISO-8601 instants,
 * UTC), the time spent asking summed over the {@code attempts} (a resumed run has two or more), the requests sent to
 * the endpoint and how many of them were retries, the {@link RunTotals} of its item log, and its {@link Cost} when
 * prices were given ({@code null} otherwise), and for a run over several replicas each one's {@link ReplicaShare}
 * (empty for one endpoint). {@code killedAttempts} of the attempts ended without recording their
 * time and requests (killed, e.g. {@code kill -9}): the duration and the request counts are then lower bounds.
 *
 * <p>Unlike the rest of a report these figures change from one run of the same inputs to the next (times, latencies,
 * retries), so renderers keep them in one section of their own ({@code metadata} in report.json).
 */
public record RunMetadata(String startedAt, String endedAt, double durationSeconds, int attempts, int killedAttempts,
                          long requests, long retries, RunTotals totals, Cost cost, List<ReplicaShare> replicas) {
    public RunMetadata {
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(totals, "totals");
        if (attempts < 1 || killedAttempts < 0 || killedAttempts >= attempts || requests < 0 || retries < 0
                || !(durationSeconds >= 0)) {
            throw new IllegalArgumentException("attempts >= 1, fewer of them killed, requests, retries and duration "
                    + ">= 0");
        }
    }

    /** The metadata of a run at one endpoint. */
    public RunMetadata(String startedAt, String endedAt, double durationSeconds, int attempts, int killedAttempts,
                       long requests, long retries, RunTotals totals, Cost cost) {
        this(startedAt, endedAt, durationSeconds, attempts, killedAttempts, requests, retries, totals, cost, List.of());
    }

    /** These metadata with {@code cost} (or none). */
    public RunMetadata withCost(Cost newCost) {
        return new RunMetadata(startedAt, endedAt, durationSeconds, attempts, killedAttempts, requests, retries,
                totals, newCost, replicas);
    }
}
