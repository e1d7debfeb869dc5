package dev.tailgap.harness.plan;

/**
 * A run plan setting out of range or malformed, with a message naming the setting ({@code concurrency must be >= 1,
 * got 0}). Every front end reports it the same way: the CLI as a usage error (exit 2), the Maven plugin as a failed
 * configuration, the Java API as this exception.
 */
public final class PlanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
