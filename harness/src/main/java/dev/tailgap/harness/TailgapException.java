package dev.tailgap.harness;

/**
 * A failure the user can act on, with a one-line message and the exit code the CLI returns for it. The CLI prints
 * the message without a stack trace.
 */
public final class TailgapException extends RuntimeException {
    private final ExitCode exitCode;

    public TailgapException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage or configuration mistake (exit 2). */
    public static TailgapException usage(String message) {
        return new TailgapException(ExitCode.USAGE, message, null);
    }

    /** An endpoint failure (exit 4). */
    public static TailgapException endpoint(String message) {
        return new TailgapException(ExitCode.ENDPOINT, message, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
