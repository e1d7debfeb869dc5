package dev.tailgap.assertj;

import dev.tailgap.harness.gate.RunResults;
import java.nio.file.Path;

/**
 * Entry point of the AssertJ assertions over tailgap runs, named {@code assertThatRun} so that it never clashes with
 * AssertJ's own {@code assertThat} when both are imported statically:
 *
 * <pre>
 * assertThatRun(run).bucket("tail").accuracy().isAtLeast(0.3);
 * assertThatRun(run).bucket("tail").accuracy().lowerBound().isAtLeast(0.25);
 * assertThatRun(run).gap().accuracy().isAtMost(0.25);
 * assertThatRun(run).comparedTo(baseline).bucket("tail").hasNoSignificantDrop(0.02);
 * </pre>
 *
 * Every assertion is a gate rule evaluated by the gate itself ({@code tailgap gate} semantics), and a failure message
 * shows the estimate, its 95% interval, the sample size and, against a baseline, the paired test.
 */
public final class TailgapAssertions {
    private TailgapAssertions() {
    }

    /** Assertions over a run directory (its spec.json and item log are read; no model is called). */
    public static RunAssert assertThatRun(Path runDir) {
        return new RunAssert(RunResults.read(runDir));
    }

    /** Assertions over a run already loaded. */
    public static RunAssert assertThatRun(RunResults run) {
        return new RunAssert(run);
    }
}
