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

    /**
     * Asks the endpoint what it serves, before the run (see {@link EndpointInfo}). Never throws: an endpoint without
     * such a route, or one that fails to answer, gives {@link EndpointInfo#NONE} or fewer facts. The default knows
     * nothing.
     */
    default EndpointInfo probe() {
        return EndpointInfo.NONE;
    }

    /**
     * Whether its answers may be kept in and served from the response cache. Adapters that already answer from
     * recorded results (replay) say no.
     */
    default boolean cacheable() {
        return true;
    }

    /**
     * How many stop sequences the API accepts ({@link Integer#MAX_VALUE}: no limit). A run with more is refused before
     * it starts, never silently cut.
     */
    default int maxStopSequences() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether it sends a request's {@link CompletionRequest#turns()} as chat messages. A run with shots asked as turns
     * is refused before it starts by an adapter that says no (the default), never flattened into some other text.
     */
    default boolean acceptsTurns() {
        return false;
    }

    /** Aborts every request in flight. The default does nothing (for adapters whose calls cannot be interrupted). */
    default void cancelAll() {
    }

    @Override
    void close();
}
