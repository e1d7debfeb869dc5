package dev.tailgap.adapters;

/**
 * The provider SPI's working half: turns one {@link CompletionRequest} into one {@link Completion}.
 *
 * <p>Contract: {@link #complete} is thread-safe and blocking; it never returns an empty-handed success: every failure,
 * including a malformed reply, is an {@link AdapterException} with a {@link FailureKind}. Adapters do no retries,
 * caching or rate limiting: the harness wraps them for that. {@link #cancelAll()} aborts in-flight requests (they fail
 * with {@link FailureKind#CANCELLED}); {@link #close()} releases connections and threads.
 */
public interface ModelAdapter extends AutoCloseable {

    Completion complete(CompletionRequest request) throws AdapterException;

    /** Aborts every request in flight. The default does nothing (for adapters whose calls cannot be interrupted). */
    default void cancelAll() {
    }

    @Override
    void close();
}
