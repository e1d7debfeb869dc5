package dev.tailgap.datasets;

import java.util.List;

/**
 * A dataset (or its manifest) cannot be used because of a user-fixable problem in its content or location.
 *
 * <p>Contract: {@link #getMessage()} is a single line fit to show a user as is; {@link #problems()} lists the
 * individual problems found (possibly capped, see {@link #omittedProblems()}), in input order, or is empty when the
 * problem is not tied to a line.
 */
public final class DatasetException extends Exception {

    private final List<LoadProblem> problems;
    private final long omittedProblems;

    /** A problem not tied to a line of input. */
    public DatasetException(String message) {
        this(message, List.of(), 0, null);
    }

    /** A problem not tied to a line of input, caused by {@code cause}. */
    public DatasetException(String message, Throwable cause) {
        this(message, List.of(), 0, cause);
    }

    /** A single located problem; the message is {@code problem.toString()}. */
    public DatasetException(LoadProblem problem) {
        this(problem.toString(), List.of(problem), 0, null);
    }

    /** Several located problems, of which {@code omittedProblems} more were found but not kept. */
    public DatasetException(String message, List<LoadProblem> problems, long omittedProblems) {
        this(message, problems, omittedProblems, null);
    }

    private DatasetException(String message, List<LoadProblem> problems, long omittedProblems, Throwable cause) {
        super(message.replace('\n', ' ').replace('\r', ' '), cause);
        this.problems = List.copyOf(problems);
        this.omittedProblems = omittedProblems;
    }

    /** The located problems kept (at most the load's cap), in input order. */
    public List<LoadProblem> problems() {
        return problems;
    }

    /** How many further problems were found beyond {@link #problems()}. */
    public long omittedProblems() {
        return omittedProblems;
    }
}
