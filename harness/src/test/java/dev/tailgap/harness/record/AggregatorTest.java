package dev.tailgap.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.DecadePoint;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.RelationStats;
import dev.tailgap.reports.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-decade points and per-relation breakdown: counted right, and independent of the order of the results. */
class AggregatorTest {
    private static final DatasetRef DATASET = new DatasetRef("d", "1", "00", 0, null, null);

    static List<ItemResult> results(int n, long seed, boolean relations) {
        Random rnd = new Random(seed);
        Outcome[] outcomes = Outcome.values();
        List<ItemResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double f = i % 17 == 0 ? 0 : Math.floor(Math.pow(10, rnd.nextDouble() * 6));
            String relation = !relations ? null : i % 11 == 0 ? null : new String[] {"b", "a", "c"}[i % 3];
            out.add(new ItemResult("i" + i, "q", List.of("x"), "c", relation, f, "?", "x", "x",
                    outcomes[rnd.nextInt(outcomes.length)], null, 1, 1, 1));
        }
        return out;
    }

    static Report aggregate(List<ItemResult> items, Bucketing b) {
        Aggregator agg = new Aggregator(b);
        for (ItemResult r : items) {
            String bucket = b.buckets().get(b.assign(r.frequency())).name();
            agg.add(new ItemResult(r.id(), r.question(), r.answers(), r.concept(), r.relation(), r.frequency(), bucket,
                    r.rawAnswer(), r.extracted(), r.outcome(), r.error(), 1, 1, 1));
        }
        return agg.report("t", DATASET, Map.of(), 30);
    }

    @Test
    void underPerBucketSamplingOverallAndRelationRatesAreWeightedByDatasetSizes() {
        Bucketing b = new Bucketing("edges:100", List.of(
                new dev.tailgap.datasets.Bucket("1e2+", 100, Double.POSITIVE_INFINITY, 50),
                new dev.tailgap.datasets.Bucket("0-1e2", 0, 100, 950)));
        Aggregator agg = new Aggregator(b, 30);
        int k = 0;
        // head: 40 asked, 36 right (relation a: 20 of 20, relation b: 16 of 20); tail: 40 asked, 8 right (a 2/20, b 6/20)
        int[][] right = {{20, 16}, {2, 6}};
        for (int bucket = 0; bucket < 2; bucket++) {
            for (int rel = 0; rel < 2; rel++) {
                for (int i = 0; i < 20; i++) {
                    agg.add(new ItemResult("i" + k++, "q", List.of("x"), "c", rel == 0 ? "a" : "b",
                            bucket == 0 ? 500 : 5, b.buckets().get(bucket).name(), "x", "x",
                            i < right[bucket][rel] ? Outcome.CORRECT : Outcome.HALLUCINATED, null, 1, 1, 1));
                }
            }
        }
        List<SavedRun.RelationSize> sizes = List.of(new SavedRun.RelationSize("a", List.of(30, 450)),
                new SavedRun.RelationSize("b", List.of(20, 500)));
        Report r = agg.report("t", DATASET, Map.of("sampling", Map.of("perBucket", 40)), 30, sizes);
        assertThat(r.weighted()).isTrue();
        assertThat(r.pooled().accuracy().value()).isEqualTo(44 / 80.0);
        assertThat(r.overall().accuracy().value()).isCloseTo(0.05 * 36 / 40 + 0.95 * 8 / 40,
                org.assertj.core.data.Offset.offset(1e-15));
        RelationStats a = r.relations().get(0);
        assertThat(a.pooled().accuracy().value()).isEqualTo(22 / 40.0);
        assertThat(a.overall().accuracy().value()).isCloseTo((30 * 1.0 + 450 * 0.1) / 480,
                org.assertj.core.data.Offset.offset(1e-15));
        // the same results without per-bucket sampling are pooled, with no second figure
        Report plain = agg.report("t", DATASET, Map.of(), 30, sizes);
        assertThat(plain.weighted()).isFalse();
        assertThat(plain.overall().accuracy().value()).isEqualTo(44 / 80.0);
        assertThat(plain.relations().get(0).pooled()).isNull();
    }

    @Test
    void pointsAndRelationsAreCountedAndOrderIndependent() {
        List<ItemResult> items = results(2000, 5, true);
        Bucketing b = BucketScheme.parse("quantile:3").apply(items.stream().mapToDouble(ItemResult::frequency).toArray());
        Report report = aggregate(items, b);
        List<ItemResult> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(9));
        assertThat(JsonReport.render(aggregate(shuffled, b))).isEqualTo(JsonReport.render(report));

        for (DecadePoint p : report.points()) {
            List<ItemResult> in = items.stream().filter(r -> r.outcome() != Outcome.ERROR && r.frequency() > 0
                    && (int) Math.floor(Math.log10(r.frequency())) == p.decade()).toList();
            long correct = in.stream().filter(r -> r.outcome() == Outcome.CORRECT).count();
            assertThat(p.n()).as("decade %d", p.decade()).isEqualTo(in.size());
            assertThat(p.correct()).isEqualTo((int) correct);
            assertThat(p.accuracy()).isEqualTo(Proportions.wilson(correct, in.size()));
            assertThat(p.meanLog10()).isCloseTo(in.stream().mapToDouble(r -> Math.log10(r.frequency())).average()
                    .orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(report.points().stream().mapToInt(DecadePoint::n).sum())
                .isEqualTo(report.slope().n());

        assertThat(report.relations()).extracting(RelationStats::name).containsExactly("a", "b", "c", null);
        for (RelationStats rel : report.relations()) {
            List<ItemResult> in = items.stream().filter(r -> java.util.Objects.equals(r.relation(), rel.name())).toList();
            assertThat(rel.overall().asked()).isEqualTo(in.size());
            assertThat(rel.buckets()).hasSize(report.buckets().size());
            assertThat(rel.buckets().stream().mapToInt(t -> t.correct()).sum()).isEqualTo(rel.overall().correct());
        }
        assertThat(report.relations().stream().mapToInt(r -> r.overall().asked()).sum())
                .isEqualTo(report.overall().asked());
    }

    @Test
    void aRunWithoutRelationsHasNoBreakdown() {
        List<ItemResult> items = results(100, 6, false);
        Bucketing b = BucketScheme.parse("log10").apply(items.stream().mapToDouble(ItemResult::frequency).toArray());
        assertThat(aggregate(items, b).relations()).isEmpty();
    }
}
