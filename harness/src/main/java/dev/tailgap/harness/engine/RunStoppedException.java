package dev.tailgap.harness.engine;

/** A run was stopped on request ({@link RunEngine#stop()}); what finished is kept, and the message says how to resume. */
public final class RunStoppedException extends RuntimeException {
    public RunStoppedException(String message) {
        super(message);
    }
}
