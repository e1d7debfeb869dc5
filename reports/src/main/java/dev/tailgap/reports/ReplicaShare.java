package dev.tailgap.reports;

import java.util.Objects;

/**
 * One replica of a run over several base URLs: its endpoint (without credentials), the requests sent to it and
 * the replies it gave, summed over the run's attempts, and the digest of the served identity it answered under
 * ({@code null} when it never answered).
 */
public record ReplicaShare(String endpoint, long requests, long answered, String servedDigest) {
    public ReplicaShare {
        Objects.requireNonNull(endpoint, "endpoint");
        if (requests < 0 || answered < 0) {
            throw new IllegalArgumentException("requests and answered >= 0");
        }
    }
}
