package dev.tailgap.reports;

import java.util.Objects;

/**
 * The outcome of one named gate rule over a run, as the JUnit XML report shows it: {@code passed}, and a one-line
 * {@code message} saying what was measured against what (for example
 * {@code "tail accuracy 18.1% < minimum 20.0%"}).
 */
public record GateResult(String name, boolean passed, String message) {
    public GateResult {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
    }
}
