package dev.tailgap.harness.engine;

import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.stats.LogLinearFit;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.Gap;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Incremental, order-independent aggregation of item results into a {@link Report}: per-bucket outcome counts and an
 * exact log-linear accumulator, O(buckets) memory. The same results in any order give an identical report.
 * Thread-safe.
 */
public final class Aggregator {
    private final Bucketing bucketing;
    private final long[][] counts; // [bucket][outcome ordinal]
    private final LogLinearFit fit = new LogLinearFit();

    public Aggregator(Bucketing bucketing) {
        this.bucketing = bucketing;
        this.counts = new long[bucketing.buckets().size()][Outcome.values().length];
    }

    /** Adds one result; its bucket must be one of the bucketing's names. */
    public synchronized void add(ItemResult r) {
        int b = bucketing.indexOf(r.bucket()).orElseThrow(() ->
                new IllegalArgumentException("item " + r.id() + " is in unknown bucket '" + r.bucket() + "'"));
        counts[b][r.outcome().ordinal()]++;
        if (r.outcome() != Outcome.ERROR) {
            fit.add(r.frequency(), r.outcome() == Outcome.CORRECT);
        }
    }

    public synchronized long count(Outcome outcome) {
        long n = 0;
        for (long[] c : counts) {
            n += c[outcome.ordinal()];
        }
        return n;
    }

    /** Results added so far. */
    public synchronized long total() {
        long n = 0;
        for (long[] c : counts) {
            for (long v : c) {
                n += v;
            }
        }
        return n;
    }

    public int bucketCount() {
        return counts.length;
    }

    /** Accuracy of scored items so far in the given bucket, NaN when none. */
    public synchronized double accuracy(int bucket) {
        long[] c = counts[bucket];
        long n = c[0] + c[1] + c[2];
        return n == 0 ? Double.NaN : (double) c[Outcome.CORRECT.ordinal()] / n;
    }

    /** The report over everything added so far. */
    public synchronized Report report(String tool, DatasetRef dataset, Map<String, Object> run, int minBucketSize) {
        List<Bucket> buckets = bucketing.buckets();
        List<BucketStats> stats = new ArrayList<>(buckets.size());
        long tc = 0, th = 0, ta = 0, te = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            long c = counts[i][Outcome.CORRECT.ordinal()];
            long h = counts[i][Outcome.HALLUCINATED.ordinal()];
            long a = counts[i][Outcome.ABSTAINED.ordinal()];
            long e = counts[i][Outcome.ERROR.ordinal()];
            long n = c + h + a;
            stats.add(new BucketStats(b.name(), b.lower(), b.upper(), b.size(), (int) (n + e), (int) n, (int) c,
                    (int) h, (int) a, (int) e, Proportions.wilson(c, n), Proportions.wilson(h, n),
                    Proportions.wilson(a, n), Proportions.wilson(c, c + h), n < minBucketSize));
            tc += c;
            th += h;
            ta += a;
            te += e;
        }
        long n = tc + th + ta;
        Totals totals = new Totals((int) (n + te), (int) n, (int) tc, (int) th, (int) ta, (int) te,
                Proportions.wilson(tc, n), Proportions.wilson(th, n), Proportions.wilson(ta, n),
                Proportions.wilson(tc, tc + th), n + te == 0 ? 0.0 : (double) te / (n + te));
        return new Report(Report.SCHEMA_VERSION, tool, dataset, run, bucketing.scheme(), minBucketSize, stats, totals,
                gap(stats), fit.result());
    }

    /**
     * Head = the highest-frequency bucket with at least the minimum number of scored items, tail = the lowest such
     * bucket; when fewer than two buckets qualify, the first and last buckets with any scored item.
     */
    private static Gap gap(List<BucketStats> stats) {
        BucketStats head = null;
        BucketStats tail = null;
        for (BucketStats s : stats) {
            if (!s.small()) {
                head = head == null ? s : head;
                tail = s;
            }
        }
        if (head == null || head == tail) {
            head = null;
            tail = null;
            for (BucketStats s : stats) {
                if (s.n() > 0) {
                    head = head == null ? s : head;
                    tail = s;
                }
            }
        }
        if (head == null || head == tail) {
            return new Gap(head == null ? null : head.name(), tail == null ? null : tail.name(), Estimate.NONE,
                    Estimate.NONE);
        }
        return new Gap(head.name(), tail.name(),
                Proportions.newcombe(head.correct(), head.n(), tail.correct(), tail.n()),
                Proportions.newcombe(tail.hallucinated(), tail.n(), head.hallucinated(), head.n()));
    }
}
