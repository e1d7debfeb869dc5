package dev.tailgap.datasets;

/**
 * How {@link DatasetLoader} treats invalid lines.
 *
 * <p>Contract: with {@code skipInvalid} false any invalid line fails the load; with it true invalid lines are skipped
 * and counted. Either way at most {@code maxProblems} (at least 1) problems are kept for reporting.
 */
public record LoadOptions(boolean skipInvalid, int maxProblems) {

    /** The default cap on kept problems. */
    public static final int DEFAULT_MAX_PROBLEMS = 50;

    public LoadOptions {
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be >= 1, got " + maxProblems);
        }
    }

    /** Fail the load on any invalid line, reporting up to 50 problems. */
    public static LoadOptions strict() {
        return new LoadOptions(false, DEFAULT_MAX_PROBLEMS);
    }

    /** Skip invalid lines, keeping up to 50 problems for reporting. */
    public static LoadOptions lenient() {
        return new LoadOptions(true, DEFAULT_MAX_PROBLEMS);
    }
}
