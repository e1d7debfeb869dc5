package dev.tailgap.adapters;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that did not produce a completion. Carries the {@link FailureKind} (which says whether a retry can help)
 * and, when the endpoint said so, how long to wait before retrying. The message is one line and names the endpoint.
 */
public final class AdapterException extends Exception {
    private final FailureKind kind;
    private final Duration retryAfter;

    public AdapterException(FailureKind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public AdapterException(FailureKind kind, String message) {
        this(kind, message, null, null);
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The wait the endpoint asked for (Retry-After and similar headers), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
