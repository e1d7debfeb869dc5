package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.Aggregator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.Sampler;
import dev.tailgap.datasets.SamplingSpec;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the {@code all} interval under {@code --per-bucket}, by simulation with the synthetic reference model.
 *
 * <p>Run r: the model with seed r decides every item of world-cities ({@link SimModel#truth}, what it answers over
 * HTTP, see {@code SimTruthTest}); the dataset's true accuracy is the share of items it knows. The run asks 100 items
 * per bucket (sampling seed r) and the report's overall accuracy interval, bucket-size-weighted, either covers that
 * truth or not; the pooled sample's interval is counted alongside for contrast. The test runs
 * {@value #DEFAULT_RUNS} runs per bucketing and asserts coverage ≥ 94%; {@code -Dtailgap.coverage.runs=2000} gives
 * the figures in BENCHMARKS.md.
 */
class StratifiedCoverageTest {
    static final int DEFAULT_RUNS = 200;
    static final int RUNS = Integer.getInteger("tailgap.coverage.runs", DEFAULT_RUNS);
    static final int PER_BUCKET = 100;

    static Dataset dataset;
    static List<Item> items;

    @BeforeAll
    static void load() {
        dataset = DatasetFiles.load("world-cities", false);
        items = DatasetFiles.items(dataset);
    }

    @Test
    void theWeightedIntervalCoversTheDatasetsTrueAccuracy() {
        for (String scheme : List.of("mass:3", "log10")) {
            Bucketing bucketing = BucketScheme.parse(scheme).apply(dataset.frequencies());
            int weighted = 0;
            int pooled = 0;
            double widthWeighted = 0;
            for (int r = 0; r < RUNS; r++) {
                SimParams params = new SimParams(4.5, 1.5, 0.02, 0.95, 0.6, 1000 + r, 0);
                SimModel model = SimModel.of(items, params);
                boolean[] knows = new boolean[items.size()];
                int known = 0;
                for (int i = 0; i < items.size(); i++) {
                    knows[i] = model.truth(items.get(i)).decision() == SimModel.Decision.KNOWS;
                    known += knows[i] ? 1 : 0;
                }
                double truth = (double) known / items.size();
                BitSet chosen = Sampler.select(dataset, bucketing, new SamplingSpec(PER_BUCKET, null, r));
                Aggregator agg = new Aggregator(bucketing, 30);
                for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
                    Item it = items.get(i);
                    Outcome o = knows[i] ? Outcome.CORRECT : Outcome.HALLUCINATED;
                    agg.add(new ItemResult(it.id(), it.question(), it.answers(), it.concept(), it.relation(),
                            it.frequency(), bucketing.buckets().get(bucketing.assign(it.frequency())).name(), null,
                            null, o, null, 0, -1, -1));
                }
                Report report = agg.report("t", null, Map.of("sampling", Map.of("perBucket", PER_BUCKET)), 30);
                assertThat(report.weighted()).isTrue();
                Estimate w = report.overall().accuracy();
                Estimate p = report.pooled().accuracy();
                weighted += w.lower() <= truth && truth <= w.upper() ? 1 : 0;
                pooled += p.lower() <= truth && truth <= p.upper() ? 1 : 0;
                widthWeighted += w.upper() - w.lower();
            }
            double coverage = (double) weighted / RUNS;
            System.out.printf(Locale.ROOT, "coverage | world-cities %-6s --per-bucket %d | runs %d | weighted %.4f "
                            + "(SE %.4f, mean width %.4f) | pooled %.4f%n", scheme, PER_BUCKET, RUNS, coverage,
                    Math.sqrt(coverage * (1 - coverage) / RUNS), widthWeighted / RUNS, (double) pooled / RUNS);
            assertThat(coverage).as("%s: share of %d runs whose weighted interval covers the truth", scheme, RUNS)
                    .isGreaterThanOrEqualTo(0.94);
        }
    }
}
