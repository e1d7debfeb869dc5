package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line's head and tail are the report's: the first and last buckets with the minimum size. */
class ConsoleProgressTest {
    private static final Bucketing BUCKETS = new Bucketing("edges:10,100", List.of(
            new Bucket("1e2+", 100, Double.POSITIVE_INFINITY, 100), new Bucket("1e1-1e2", 10, 100, 100),
            new Bucket("0-1e1", 0, 10, 100)));

    private static void add(Aggregator a, String bucket, int n, int correct) {
        double f = bucket.equals("1e2+") ? 500 : bucket.equals("1e1-1e2") ? 50 : 5;
        for (int i = 0; i < n; i++) {
            a.add(new ItemResult(bucket + i, "q", List.of("a"), "c", null, f, bucket, null, null,
                    i < correct ? Outcome.CORRECT : Outcome.HALLUCINATED, null, 0, -1, -1));
        }
    }

    @Test
    void aSmallFirstBucketIsNotTheHead() {
        Aggregator a = new Aggregator(BUCKETS, 30);
        add(a, "1e2+", 10, 10);    // 100% but only 10 items: below the minimum
        add(a, "1e1-1e2", 40, 30); // 75%
        add(a, "0-1e1", 40, 8);    // 20%
        assertThat(ConsoleProgress.live(a)).isEqualTo("errors 0  accuracy head 75% tail 20%");
        Report r = a.report("t", null, Map.of(), 30);
        HeadTail ht = HeadTail.of(r);
        assertThat(r.buckets().get(ht.head()).name()).isEqualTo("1e1-1e2").isEqualTo(r.gap().head());
        assertThat(r.buckets().get(ht.tail()).name()).isEqualTo("0-1e1").isEqualTo(r.gap().tail());
    }

    @Test
    void fewerThanTwoBucketsAtTheMinimumShowNoHeadOrTail() {
        Aggregator a = new Aggregator(BUCKETS, 30);
        add(a, "1e2+", 40, 40);
        add(a, "0-1e1", 11, 2);
        assertThat(ConsoleProgress.live(a)).isEqualTo("errors 0  accuracy head - tail -");
        Report r = a.report("t", null, Map.of(), 30);
        assertThat(r.gap().head()).isNull();
        assertThat(r.gap().note()).isEqualTo(
                "only 1 of 3 buckets has at least 30 scored items (1e2+ n = 40, 0-1e1 n = 11)");
    }
}
