package dev.tailgap.adapters;

/**
 * Why a request failed, and whether trying again can help. One status mapper ({@link HttpStatusMapper}) decides this
 * for every HTTP adapter.
 */
public enum FailureKind {
    /** 429 or a provider's overload signal. */
    RATE_LIMITED(true),
    /** 5xx, or an error event inside a streamed reply. */
    SERVER_ERROR(true),
    /** No reply within the timeout. */
    TIMEOUT(true),
    /** Connection refused, reset or closed early. */
    CONNECTION(true),
    /**
     * The reply was not the expected shape (not JSON, an HTML page, missing fields, empty choices, a stream that ended
     * before its last event).
     */
    MALFORMED(true),
    /** 401/403: the key is missing, wrong or lacks access. */
    AUTH(false),
    /** 404: wrong base URL or model name. */
    NOT_FOUND(false),
    /** 400/422 and other 4xx: the request itself is wrong. */
    BAD_REQUEST(false),
    /**
     * A 4xx caused by this one item, not by the run's settings: its prompt exceeds the context, or a content filter
     * refused it. Not worth retrying; the item ends as ERROR and the run goes on.
     */
    ITEM_REJECTED(false),
    /** The endpoint stopped answering: connection failures or timeouts for longer than the run tolerates. */
    ENDPOINT_DOWN(false),
    /** The run was stopped while the request was in flight. */
    CANCELLED(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
