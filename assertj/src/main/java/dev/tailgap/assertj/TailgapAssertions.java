package dev.tailgap.assertj;

import dev.tailgap.harness.gate.RunResults;
import java.nio.file.Path;

/**
 * Entry point of the AssertJ assertions over tailgap runs:
 *
 * <pre>
 * assertThat(run).bucket("tail").accuracy().isAtLeast(0.3);
 * assertThat(run).bucket("tail").accuracy().lowerBound().isAtLeast(0.25);
 * assertThat(run).gap().accuracy().isAtMost(0.25);
 * assertThat(run).comparedTo(baseline).bucket("tail").hasNoSignificantDrop(0.02);
 * </pre>
 *
 * Every assertion is a gate rule evaluated by the gate itself ({@code tailgap gate} semantics), and a failure message
 * shows the estimate, its 95% interval, the sample size and, against a baseline, the paired test. {@link
 * #assertThatRun(Path)} is the same as {@link #assertThat(Path)} for code that also imports AssertJ's own
 * {@code assertThat(Path)}.
 */
public final class TailgapAssertions {
    private TailgapAssertions() {
    }

    /** Assertions over a run directory (its spec.json and item log are read; no model is called). */
    public static RunAssert assertThat(Path runDir) {
        return new RunAssert(RunResults.read(runDir));
    }

    /** Assertions over a run already loaded. */
    public static RunAssert assertThat(RunResults run) {
        return new RunAssert(run);
    }

    /** {@link #assertThat(Path)} under a name that does not clash with AssertJ's {@code assertThat(Path)}. */
    public static RunAssert assertThatRun(Path runDir) {
        return assertThat(runDir);
    }
}
