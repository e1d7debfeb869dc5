package dev.tailgap.benchmarks;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.harness.scoring.AbstentionDetector;
import dev.tailgap.harness.scoring.AnswerExtractor;
import dev.tailgap.harness.scoring.FoldedGolds;
import dev.tailgap.harness.scoring.Matcher;
import dev.tailgap.harness.scoring.Matchers;
import dev.tailgap.harness.scoring.Scorer;
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
 * the whole of {@link Scorer#score(String, List)} (extraction, normalisation of answer and golds, alias matching,
 * abstention detection) as the run engine calls it, the same with golds folded once ({@code scorePrefolded}), scoring
 * plus {@link Bucketing#assign} ({@code scoreAndBucket}, the headline figure), and each step on its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {
    static final int BATCH = 1024;

    @Param({"ASCII", "MIXED", "NONASCII"})
    public Corpus.Mix mix;

    private final Scorer scorer = Scorer.defaults();
    private final Matcher matcher = Matchers.defaultMatcher();
    private final AbstentionDetector abstention = AbstentionDetector.defaults();
    private String[] raw;
    private List<String>[] golds;
    private FoldedGolds[] folded;
    private String[] extracted;
    private double[] frequencies;
    private Bucketing bucketing;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        List<Corpus.Case> cases = Corpus.cases(mix, BATCH, 42);
        raw = new String[BATCH];
        golds = new List[BATCH];
        folded = new FoldedGolds[BATCH];
        extracted = new String[BATCH];
        frequencies = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            Corpus.Case c = cases.get(i);
            raw[i] = c.raw();
            golds[i] = c.golds();
            folded[i] = FoldedGolds.of(c.golds());
            extracted[i] = AnswerExtractor.extract(c.raw());
            frequencies[i] = c.frequency();
        }
        bucketing = BucketScheme.parse("log10").apply(frequencies);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void score(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(raw[i], golds[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scorePrefolded(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(raw[i], folded[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scoreAndBucket(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(raw[i], golds[i]));
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
    public void match(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(matcher.matches(extracted[i], golds[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void abstain(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(abstention.isAbstention(extracted[i]));
        }
    }
}
