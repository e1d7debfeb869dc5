package dev.tailgap.benchmarks;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Bucketing#assign} per item ({@value #BATCH} frequencies over seven decades per invocation, so the score is
 * items per second) for the built-in schemes, and computing the edges from a 100,000-item dataset.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BucketingBenchmark {
    static final int BATCH = 1024;
    static final int DATASET = 100_000;

    @Param({"log10", "mass:3", "quantile:10"})
    public String scheme;

    private double[] frequencies;
    private double[] dataset;
    private Bucketing bucketing;
    private BucketScheme parsed;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        dataset = new double[DATASET];
        for (int i = 0; i < DATASET; i++) {
            dataset[i] = Math.floor(Math.pow(10, 7 * r.nextDouble()));
        }
        frequencies = new double[BATCH];
        System.arraycopy(dataset, 0, frequencies, 0, BATCH);
        parsed = BucketScheme.parse(scheme);
        bucketing = parsed.apply(dataset);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void assign(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(bucketing.assign(frequencies[i]));
        }
    }

    /** Edges and sizes from the whole dataset: once per run. */
    @Benchmark
    @OperationsPerInvocation(DATASET)
    public Bucketing edges() {
        return parsed.apply(dataset);
    }
}
