package dev.tailgap.datasets;

import java.util.Objects;

/**
 * One thing wrong with a dataset input: where it is ({@code location}, 1-based {@code line}, {@code field}) and what.
 *
 * <p>Contract: {@code line} is 0 when the problem is about the whole input rather than a line; {@link #toString()} is
 * the one-line form {@code location:line: field: message} shown to users.
 */
public record LoadProblem(String location, long line, String field, String message) {

    public LoadProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ":" + line + ": " + field + ": " + message;
    }
}
