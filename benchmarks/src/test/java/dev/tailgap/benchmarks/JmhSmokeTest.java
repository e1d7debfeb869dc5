package dev.tailgap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark once, briefly and in this JVM, as a correctness smoke: each must finish without error and
 * produce a finite, positive score. No timing is asserted; the figures live in BENCHMARKS.md.
 */
class JmhSmokeTest {

    @Test
    void everyBenchmarkRunsAndProducesAFiniteScore() throws RunnerException {
        Set<String> declared = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            declared.add(e.getUsername());
        }
        assertThat(declared).as("benchmarks found by the annotation processor").hasSizeGreaterThanOrEqualTo(18);

        Options options = new OptionsBuilder()
                .include("dev\\.tailgap\\.benchmarks\\.")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(0)
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        // a correctness smoke: it must not fail because a real benchmark run holds JMH's machine-wide lock
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            ran.add(name);
            double score = r.getPrimaryResult().getScore();
            assertThat(score).as(name + " " + r.getParams()).isFinite().isPositive();
        }
        assertThat(ran).isEqualTo(declared);
        // ScoringBenchmark and BucketingBenchmark run once per parameter value
        assertThat(results).hasSizeGreaterThan(declared.size());
    }
}
