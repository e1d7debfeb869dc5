package dev.tailgap.benchmarks;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.harness.scoring.AnswerExtractor;
import dev.tailgap.harness.scoring.RefusalDetector;
import dev.tailgap.harness.scoring.RuleScorer;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScoringItem;
import java.util.List;
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
 * The scoring core per item, on {@value #BATCH} realistic replies per invocation, so the score is items per second:
 * the whole of the {@code contains} {@link Scorer#score} (extraction, normalisation of answer and golds, refusal
 * detection, alias matching) with the golds folded on each call as a run does, the same with golds folded once
 * ({@code scorePrefolded}), scoring plus {@link Bucketing#assign} ({@code scoreAndBucket}, the headline figure), and
 * extraction, normalisation and refusal detection on their own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {
    static final int BATCH = 1024;

    @Param({"ASCII", "MIXED", "NONASCII"})
    public Corpus.Mix mix;

    private final Scorer scorer = RuleScorer.contains();
    private final RefusalDetector refusals = RefusalDetector.defaults();
    private String[] raw;
    private List<String>[] golds;
    private ScoringItem[] folded;
    private String[] extracted;
    private double[] frequencies;
    private Bucketing bucketing;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        List<Corpus.Case> cases = Corpus.cases(mix, BATCH, 42);
        raw = new String[BATCH];
        golds = new List[BATCH];
        folded = new ScoringItem[BATCH];
        extracted = new String[BATCH];
        frequencies = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            Corpus.Case c = cases.get(i);
            raw[i] = c.raw();
            golds[i] = c.golds();
            folded[i] = ScoringItem.of("i" + i, "", c.golds());
            extracted[i] = AnswerExtractor.extract(c.raw());
            frequencies[i] = c.frequency();
        }
        bucketing = BucketScheme.parse("log10").apply(frequencies);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void score(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(ScoringItem.of("i", "", golds[i]), raw[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scorePrefolded(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(folded[i], raw[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scoreAndBucket(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(ScoringItem.of("i", "", golds[i]), raw[i]));
            bh.consume(bucketing.assign(frequencies[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void extract(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(AnswerExtractor.extract(raw[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void normalize(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(Normalizer.fold(extracted[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void refusal(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(refusals.classify(extracted[i]));
        }
    }
}
