package dev.tailgap.harness;

/** The documented process exit codes of every {@code tailgap} command. */
public enum ExitCode {
    /** Finished, and any gate passed. */
    OK(0),
    /** A bug or an unexpected failure inside tailgap. */
    INTERNAL(1),
    /** A usage or configuration mistake: bad flag, bad config or dataset, unknown provider, missing key. */
    USAGE(2),
    /** A gate rule failed. */
    GATE_FAILED(3),
    /** The endpoint failed: too many ERROR outcomes, unreachable, or a non-retryable error such as 401/404. */
    ENDPOINT(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
