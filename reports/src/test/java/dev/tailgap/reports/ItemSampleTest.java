package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The HTML report's bounded item sample: its size, its strata, its determinism and its passes over the items. */
class ItemSampleTest {
    private static final String[] BUCKETS = {"head", "torso", "tail"};

    /** 30,000 items: outcomes skewed by bucket, and only 5 hallucinations in the head. */
    private static List<ItemResult> items() {
        Random rnd = new Random(3);
        List<ItemResult> out = new ArrayList<>();
        int headHallucinations = 0;
        for (int i = 0; i < 30_000; i++) {
            String bucket = BUCKETS[i % 3];
            double u = rnd.nextDouble();
            Outcome o = switch (bucket) {
                case "head" -> u < 0.9 ? Outcome.CORRECT : Outcome.ABSTAINED;
                case "torso" -> u < 0.5 ? Outcome.CORRECT : u < 0.8 ? Outcome.HALLUCINATED : Outcome.ABSTAINED;
                default -> u < 0.1 ? Outcome.CORRECT : u < 0.7 ? Outcome.HALLUCINATED : Outcome.ABSTAINED;
            };
            if (bucket.equals("head") && headHallucinations < 5 && i % 999 == 0) {
                o = Outcome.HALLUCINATED;
                headHallucinations++;
            }
            out.add(new ItemResult("id:" + i, "q" + i, List.of("a"), "c", null, 1000 - (i % 1000), bucket, "x",
                    "x", o, null, 1, 1, 1));
        }
        return out;
    }

    /** A report whose bucket counts are those of {@code items}. */
    private static Report reportOf(List<ItemResult> items) {
        List<BucketStats> buckets = new ArrayList<>();
        for (String b : BUCKETS) {
            int[] c = new int[4];
            items.stream().filter(it -> it.bucket().equals(b)).forEach(it -> c[it.outcome().ordinal()]++);
            int n = c[0] + c[1] + c[2];
            buckets.add(new BucketStats(b, 0, 1, n, n + c[3], n, c[Outcome.CORRECT.ordinal()],
                    c[Outcome.HALLUCINATED.ordinal()], c[Outcome.ABSTAINED.ordinal()], c[Outcome.ERROR.ordinal()],
                    Estimate.NONE, Estimate.NONE, Estimate.NONE, Estimate.NONE, false));
        }
        return new Report(1, "t", ReportFixtures.standard().dataset(), RunInfo.NONE, "x", 30, buckets,
                ReportFixtures.standard().overall(), null, null);
    }

    private static Map<String, Long> strata(List<ItemResult> items) {
        return items.stream().collect(Collectors.groupingBy(it -> it.bucket() + "/" + it.outcome(), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void aLargeRunIsSampledToTheBoundWithEveryStratumAndTheSameItemsWhateverTheOrder() {
        List<ItemResult> items = items();
        Report report = reportOf(items);
        int[] passes = {0};
        ItemSource counted = action -> {
            passes[0]++;
            items.forEach(action);
        };
        ItemSample sample = ItemSample.of(report, counted, 1000);
        assertThat(passes[0]).as("the report's counts match: one pass").isEqualTo(1);
        assertThat(sample.items()).hasSize(1000);
        assertThat(sample.total()).isEqualTo(30_000);
        assertThat(sample.sampled()).isTrue();

        Map<String, Long> all = strata(items);
        Map<String, Long> kept = strata(sample.items());
        assertThat(kept.keySet()).isEqualTo(all.keySet());
        assertThat(kept.get("head/HALLUCINATED")).as("a rare stratum is kept whole").isEqualTo(5);
        long share = 1000 / all.size();
        all.forEach((k, n) -> assertThat(kept.get(k)).as(k).isGreaterThanOrEqualTo(Math.min(n, share)));

        List<ItemResult> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(9));
        ItemSample again = ItemSample.of(report, ItemSource.of(shuffled), 1000);
        assertThat(again.items()).isEqualTo(sample.items());

        passes[0] = 0;
        ItemSample counting = ItemSample.of(ReportFixtures.standard(), counted, 1000);
        assertThat(passes[0]).as("a report of other items: counted first").isGreaterThan(1);
        assertThat(counting.items()).isEqualTo(sample.items());
    }

    @Test
    void aSmallRunIsEmbeddedWholeInReportOrder() {
        List<ItemResult> items = items().subList(0, 900);
        ItemSample sample = ItemSample.of(reportOf(items), ItemSource.of(items), 1000);
        assertThat(sample.sampled()).isFalse();
        assertThat(sample.items()).hasSize(900).containsExactlyInAnyOrderElementsOf(items);
        assertThat(sample.items().get(0).bucket()).isEqualTo("head");
        assertThat(sample.items().get(899).bucket()).isEqualTo("tail");
    }

    @Test
    void quotasAreEqualSharesCappedBySizeAndAddUpToTheBound() {
        Map<String, long[]> sizes = new TreeMap<>(Map.of("a", new long[] {3}, "b", new long[] {500},
                "c", new long[] {40}, "d", new long[] {1000}));
        Map<String, Integer> q = ItemSample.quotas(sizes, 200);
        assertThat(q).containsEntry("a", 3).containsEntry("c", 40);
        assertThat(q.get("b") + q.get("d")).isEqualTo(157);
        assertThat(Math.abs(q.get("b") - q.get("d"))).isLessThanOrEqualTo(1);
    }
}
