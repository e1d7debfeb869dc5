package dev.tailgap.benchmarks;

import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Report;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Aggregator}: adding results (per item; outcome counts per bucket plus the exact log-linear accumulator) and
 * building the report with its Wilson and Newcombe intervals and the slope fit (per report, over 10,000 results in
 * eight decade buckets).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AggregationBenchmark {
    static final int BATCH = 1024;

    private Material material;
    private List<ItemResult> batch;
    private Aggregator running;
    private Aggregator full;

    @Setup
    public void setUp() {
        material = new Material(10_000);
        batch = material.results.subList(0, BATCH);
        running = new Aggregator(material.bucketing);
        full = material.aggregate();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Aggregator add() {
        for (int i = 0; i < BATCH; i++) {
            running.add(batch.get(i));
        }
        return running;
    }

    @Benchmark
    public Report report() {
        return material.report(full);
    }
}
