package dev.tailgap.assertj;

import static dev.tailgap.assertj.TailgapAssertions.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.cli.Main;
import dev.tailgap.harness.gate.RunResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assertions on real runs of the synthetic model (tailgap demo, 80 items per bucket): a baseline whose tail
 * accuracy is about 0.5, a rerun differing only by sampling noise, and a planted regression of the tail.
 */
class TailgapAssertionsTest {
    @TempDir
    static Path runs;

    static Path baseline;
    static Path rerun;
    static Path regressed;

    static Path demo(String name, String midpoint, String seed) {
        Path out = runs.resolve(name);
        List<String> args = new ArrayList<>(List.of("demo", "--per-bucket", "80", "--out", out.toString(), "-q",
                "--sim-midpoint", midpoint, "--sim-seed", seed));
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out;
    }

    @BeforeAll
    static void makeRuns() {
        baseline = demo("baseline", "3.5", "7");
        rerun = demo("rerun", "3.5", "8");
        regressed = demo("regressed", "4.5", "9");
    }

    @Test
    void passingAssertionsChain() {
        TailgapAssertions.assertThatRun(baseline).bucket("tail").accuracy().isAtLeast(0.3).isAtMost(0.9);
        assertThatRun(baseline).bucket("tail").accuracy().lowerBound().isAtLeast(0.25);
        assertThatRun(baseline).bucket("head").hallucination().upperBound().isLessThan(0.3);
        assertThatRun(baseline).gap().accuracy().isAtMost(0.6).isGreaterThan(0.1);
        assertThatRun(baseline).overall().precision().isAtLeast(0.5);
        assertThatRun(baseline).bucket("1e5-1e6").abstention().isLessThan(0.5);
        assertThatRun(rerun).comparedTo(baseline).bucket("tail").hasNoSignificantDrop(0.02)
                .hasNoSignificantHallucinationRise(0.02);
        assertThatRun(rerun).passesGate("tail.accuracy >= 0.3", "errors.rate <= 0.01");
        TailgapAssertions.assertThatRun(RunResults.read(regressed)).bucket("overall").accuracy().isAtLeast(0.3);
    }

    @Test
    void aFailureShowsTheNumbersAndTheInterval() {
        assertThatThrownBy(() -> assertThatRun(baseline).bucket("tail").accuracy().isAtLeast(0.95))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting run " + baseline + " to satisfy")
                .hasMessageContaining("tail.accuracy >= 0.95")
                .hasMessageMatching("(?s).*tail \\(1e3-1e4\\): accuracy 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\], "
                        + "n = 80; 0\\.\\d{3} is not >= 0\\.95.*");
        assertThatThrownBy(() -> assertThatRun(baseline).gap().accuracy().lowerBound().isAtLeast(0.9))
                .hasMessageContaining("gap (").hasMessageContaining("lower bound");
    }

    @Test
    void overallIsTheBucketWeightedEstimateOfAPerBucketRun() {
        // the demo runs sample 80 items per bucket: overall weights the buckets by their dataset sizes
        dev.tailgap.reports.Report r = RunResults.read(baseline).report();
        assertThat(r.weighted()).isTrue();
        double weighted = r.overall().accuracy().value();
        double pooled = r.pooled().accuracy().value();
        assertThat(Math.abs(weighted - pooled)).isGreaterThan(0.01);
        assertThatRun(baseline).overall().accuracy().isAtLeast(weighted - 1e-9).isAtMost(weighted + 1e-9);
        double between = (weighted + pooled) / 2;
        assertThatThrownBy(() -> {
            if (pooled > weighted) {
                assertThatRun(baseline).overall().accuracy().isAtLeast(between);
            } else {
                assertThatRun(baseline).overall().accuracy().isAtMost(between);
            }
        }).isInstanceOf(AssertionError.class).hasMessageContaining("all items");
    }

    @Test
    void aPlantedRegressionIsASignificantDrop() {
        assertThatThrownBy(() -> assertThatRun(regressed).comparedTo(baseline).bucket("tail").hasNoSignificantDrop(0.02))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tail.accuracy.drop <= 0.02")
                .hasMessageContaining("over 80 paired items")
                .hasMessageContaining("one-sided score test of drop > 0.02: p = ")
                .hasMessageContaining("shown above 0.02 at alpha 0.05");
        // with a tolerance larger than the drop the same comparison passes
        assertThatRun(regressed).comparedTo(baseline).bucket("tail").hasNoSignificantDrop(0.9);
        // a release claim: a run compared with itself is non-inferior at a margin of 0.10, the regression is not
        assertThatRun(baseline).comparedTo(baseline).bucket("tail").isNonInferior(0.10);
        assertThatThrownBy(() -> assertThatRun(regressed).comparedTo(baseline).bucket("tail").isNonInferior(0.10))
                .hasMessageContaining("non-inferiority not established");
        assertThatThrownBy(() -> assertThatRun(regressed).passesGate("tail.accuracy >= 0.3"))
                .hasMessageContaining("gate FAILED: 1 of 1 rule failed");
    }

    @Test
    void rulesFilesAreReadLikeTheGateReadsThem() throws Exception {
        Path rules = Files.writeString(runs.resolve("gate.yaml"), "rules:\n  - tail.accuracy >= 0.3\n");
        assertThatRun(baseline).passesGate(rules);
        assertThatThrownBy(() -> assertThatRun(regressed).passesGate(rules)).isInstanceOf(AssertionError.class);
    }
}
