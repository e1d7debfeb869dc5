package dev.tailgap.adapters;

/**
 * Why a request failed, and whether trying again can help. One status mapper ({@link HttpStatusMapper}) decides this
 * for every HTTP adapter.
 */
public enum FailureKind {
    /** 429 or a provider's overload signal. */
    RATE_LIMITED(true),
    /** 5xx. */
    SERVER_ERROR(true),
    /** No reply within the timeout. */
    TIMEOUT(true),
    /** Connection refused, reset or closed early. */
    CONNECTION(true),
    /** The reply was not the expected shape (not JSON, an HTML page, missing fields, empty choices). */
    MALFORMED(true),
    /** 401/403: the key is missing, wrong or lacks access. */
    AUTH(false),
    /** 404: wrong base URL or model name. */
    NOT_FOUND(false),
    /** 400/422 and other 4xx: the request itself is wrong. */
    BAD_REQUEST(false),
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
