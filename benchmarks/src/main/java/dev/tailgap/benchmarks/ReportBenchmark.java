package dev.tailgap.benchmarks;

import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Report;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Rendering a run's report (eight decade buckets, gap, slope, settings) as JSON and as Markdown, per report. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReportBenchmark {
    private Report report;

    @Setup
    public void setUp() {
        Material m = new Material(10_000);
        report = m.report(m.aggregate());
    }

    @Benchmark
    public String renderJson() {
        return JsonReport.render(report);
    }

    @Benchmark
    public String renderMarkdown() {
        return MarkdownReport.render(report);
    }
}
