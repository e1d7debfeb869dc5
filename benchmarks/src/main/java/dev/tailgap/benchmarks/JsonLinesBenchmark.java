package dev.tailgap.benchmarks;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.Manifest;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JSON Lines, per line ({@value #N} lines per invocation, so the score is items per second): loading a dataset file
 * (strict validation, id hashes, sha256), streaming its items again as a run does, reading an item log (of bare
 * results, and of results with the reply facts and scorer's reason a run writes: finish reason, served model,
 * first-token time, reason), and writing one item-log line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonLinesBenchmark {
    static final int N = 10_000;

    private Path dir;
    private Path datasetFile;
    private Path logFile;
    private Path runLogFile;
    private Dataset dataset;
    private Material material;

    @Setup
    public void setUp() throws IOException, DatasetException {
        material = new Material(N);
        dir = Files.createTempDirectory("tailgap-jmh");
        datasetFile = dir.resolve("bench.jsonl");
        DatasetWriter.writeAll(datasetFile, new Manifest("bench", "1.0.0", "", "CC0-1.0", "", "", "synthetic",
                "log10"), material.items);
        logFile = dir.resolve("items.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (ItemResult r : material.results) {
                w.write(ItemLog.toJsonLine(r));
                w.write('\n');
            }
        }
        runLogFile = dir.resolve("run-items.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(runLogFile, StandardCharsets.UTF_8)) {
            for (ItemResult r : material.results) {
                w.write(ItemLog.toJsonLine(new ItemResult(r.id(), r.question(), r.answers(), r.concept(),
                        r.relation(), r.frequency(), r.bucket(), r.rawAnswer(), r.extracted(), r.outcome(), r.error(),
                        r.latencyMs(), r.promptTokens(), r.completionTokens(), r.rawAnswer() == null ? null : "stop",
                        null, "qwen2.5-7b-instruct", "fp_44709d6fcb", r.latencyMs() / 4, false, 1,
                        r.outcome().name().toLowerCase(java.util.Locale.ROOT) + " by the rule scorer", null)));
                w.write('\n');
            }
        }
        dataset = DatasetLoader.load(DatasetSource.file(datasetFile), LoadOptions.strict());
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Dataset loadDataset() throws DatasetException {
        return DatasetLoader.load(DatasetSource.file(datasetFile), LoadOptions.strict());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void streamItems(Blackhole bh) {
        try (var items = dataset.items()) {
            items.forEach(bh::consume);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void readItemLog(Blackhole bh) throws IOException {
        try (ItemLog.Reader reader = ItemLog.read(logFile)) {
            for (ItemResult r = reader.nextResult(); r != null; r = reader.nextResult()) {
                bh.consume(r);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void readRunItemLog(Blackhole bh) throws IOException {
        try (ItemLog.Reader reader = ItemLog.read(runLogFile)) {
            for (ItemResult r = reader.nextResult(); r != null; r = reader.nextResult()) {
                bh.consume(r);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeItemLogLine(Blackhole bh) {
        for (ItemResult r : material.results) {
            bh.consume(ItemLog.toJsonLine(r));
        }
    }
}
