package dev.tailgap.harness.record;

import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.stats.LogLinearFit;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.harness.stats.Stratified;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.DecadePoint;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.Gap;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.RelationStats;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.RunInfo;
import dev.tailgap.reports.RunIntegrity;
import dev.tailgap.reports.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incremental, order-independent aggregation of item results into a {@link Report}: per-bucket outcome counts, the
 * same counts per relation and bucket, and a log-linear accumulator whose decade bins are the report's
 * accuracy-by-frequency points, and the run's {@link dev.tailgap.reports.RunTotals}. Memory is O(buckets × relations +
 * decades) plus one double per scored item (for the item-level fits) and one long per live answer (for the latency
 * percentiles). The same results in any order give an identical report. Thread-safe.
 *
 * <p>Head and tail are {@link HeadTail}'s (also for the live figures while a run is in progress). When the run's
 * settings say it sampled per bucket ({@code sampling.perBucket}), the report's overall rates are weighted by the
 * buckets' dataset sizes ({@link Stratified}) and the pooled sample is kept beside them.
 */
public final class Aggregator {
    private final Bucketing bucketing;
    private final int minBucketSize;
    private final long[][] counts; // [bucket][outcome ordinal]
    private final LogLinearFit fit = new LogLinearFit();
    private final TreeMap<String, long[][]> relations = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    private final long[] truncated;
    private long cached;
    private final TreeMap<Integer, Long> byAttempt = new TreeMap<>();
    private final Map<List<String>, Long> served = new java.util.HashMap<>();
    private final ConsistencyTally consistency;
    private final TotalsCounter runTotals = new TotalsCounter();

    /** An aggregator whose live head and tail count every bucket with a scored item. */
    public Aggregator(Bucketing bucketing) {
        this(bucketing, 0);
    }

    /** An aggregator whose live head and tail ({@link #liveHeadTail()}) need {@code minBucketSize} scored items. */
    public Aggregator(Bucketing bucketing, int minBucketSize) {
        this.bucketing = bucketing;
        this.minBucketSize = minBucketSize;
        this.counts = new long[bucketing.buckets().size()][Outcome.values().length];
        this.truncated = new long[counts.length];
        this.consistency = new ConsistencyTally(counts.length);
    }

    /** Adds one result; its bucket must be one of the bucketing's names. */
    public synchronized void add(ItemResult r) {
        int b = bucketing.indexOf(r.bucket()).orElseThrow(() ->
                new IllegalArgumentException("item " + r.id() + " is in unknown bucket '" + r.bucket() + "'"));
        counts[b][r.outcome().ordinal()]++;
        relations.computeIfAbsent(r.relation(), k -> new long[counts.length][Outcome.values().length])
                [b][r.outcome().ordinal()]++;
        if (r.outcome() != Outcome.ERROR) {
            fit.add(r.frequency(), r.outcome() == Outcome.CORRECT);
            served.merge(java.util.Arrays.asList(r.servedModel(), r.fingerprint()), 1L, Long::sum);
        }
        if (r.truncated()) {
            truncated[b]++;
        }
        if (r.cached()) {
            cached++;
        }
        byAttempt.merge(r.attempt(), 1L, Long::sum);
        consistency.add(b, r);
        runTotals.add(r);
    }

    /** The {@link dev.tailgap.reports.RunTotals} of the results so far: answers, tokens, latency percentiles. */
    public synchronized dev.tailgap.reports.RunTotals runTotals() {
        return runTotals.totals();
    }

    /** Answers cut off by the token limit so far. */
    public synchronized long truncated() {
        long n = 0;
        for (long t : truncated) {
            n += t;
        }
        return n;
    }

    /**
     * The provenance of the results so far: {@code complete} and {@code planned} as the run knows them, answers from
     * the cache, answers of attempts before {@code attempt}, truncation per bucket, the served models the replies
     * named (sorted) and the endpoint's facts.
     */
    public synchronized RunIntegrity integrity(boolean complete, long planned, int attempt,
                                               Map<String, String> endpoint) {
        Map<String, Integer> perBucket = new java.util.LinkedHashMap<>();
        for (int i = 0; i < truncated.length; i++) {
            perBucket.put(bucketing.buckets().get(i).name(), (int) truncated[i]);
        }
        long earlier = 0;
        for (Map.Entry<Integer, Long> e : byAttempt.headMap(attempt).entrySet()) {
            earlier += e.getValue();
        }
        List<RunIntegrity.Served> models = new ArrayList<>();
        served.forEach((k, n) -> models.add(new RunIntegrity.Served(k.get(0), k.get(1), n.intValue())));
        models.sort(Comparator.comparing(RunIntegrity.Served::model, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RunIntegrity.Served::fingerprint, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new RunIntegrity(complete, (int) planned, (int) truncated(), perBucket, (int) cached, (int) earlier,
                models, endpoint);
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

    /** Head and tail over the items scored so far, by the minimum size given at construction. */
    public synchronized HeadTail liveHeadTail() {
        long[] n = new long[counts.length];
        String[] names = new String[counts.length];
        for (int b = 0; b < n.length; b++) {
            long[] c = counts[b];
            n[b] = c[0] + c[1] + c[2];
            names[b] = bucketing.buckets().get(b).name();
        }
        return HeadTail.of(n, names, minBucketSize);
    }

    /** The report over everything added so far, without relation sizes (relation rows stay pooled). */
    public Report report(String tool, DatasetRef dataset, Map<String, Object> run, int minBucketSize) {
        return report(tool, dataset, run, minBucketSize, List.of());
    }

    /**
     * The report over everything added so far; when the run sampled per bucket, the overall rates are weighted by the
     * buckets' sizes and each relation's by its {@code relationSizes} (a relation without them stays pooled).
     */
    public synchronized Report report(String tool, DatasetRef dataset, Map<String, Object> run, int minBucketSize,
                                      List<SavedRun.RelationSize> relationSizes) {
        boolean weighted = stratified(run);
        Map<String, long[]> sizesByRelation = new java.util.HashMap<>();
        for (SavedRun.RelationSize rs : relationSizes) {
            sizesByRelation.put(rs.relation(), rs.sizes().stream().mapToLong(Integer::longValue).toArray());
        }
        List<Bucket> buckets = bucketing.buckets();
        List<BucketStats> stats = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            Totals t = totals(counts[i]);
            stats.add(new BucketStats(b.name(), b.lower(), b.upper(), b.size(), t.asked(), t.n(), t.correct(),
                    t.hallucinated(), t.abstained(), t.errors(), t.accuracy(), t.hallucination(), t.abstention(),
                    t.precision(), t.n() < minBucketSize));
        }
        List<DecadePoint> points = new ArrayList<>();
        for (LogLinearFit.Decade d : fit.decades()) {
            points.add(new DecadePoint(d.decade(), d.meanLog10(), (int) d.n(), (int) d.correct(),
                    Proportions.wilson(d.correct(), d.n())));
        }
        List<RelationStats> byRelation = new ArrayList<>();
        if (relations.size() > 1 || relations.size() == 1 && relations.firstKey() != null) {
            for (Map.Entry<String, long[][]> e : relations.entrySet()) {
                List<Totals> cells = new ArrayList<>(buckets.size());
                for (long[] c : e.getValue()) {
                    cells.add(totals(c));
                }
                Totals pooledRelation = totals(sum(e.getValue()));
                long[] sizes = weighted ? sizesByRelation.get(e.getKey()) : null;
                byRelation.add(sizes == null || sizes.length != buckets.size()
                        ? new RelationStats(e.getKey(), pooledRelation, cells)
                        : new RelationStats(e.getKey(), weighted(pooledRelation, e.getValue(), sizes), cells,
                                pooledRelation));
            }
        }
        Totals pooled = totals(sum(counts));
        long[] bucketSizes = buckets.stream().mapToLong(Bucket::size).toArray();
        return new Report(Report.SCHEMA_VERSION, tool, dataset, RunInfo.of(run), bucketing.scheme(), minBucketSize,
                stats,
                weighted ? weighted(pooled, counts, bucketSizes) : pooled, gap(stats, minBucketSize), fit.result(), points,
                byRelation, weighted ? pooled : null).withConsistency(consistency.report(bucketing));
    }

    /** True when the run's settings say it sampled at most N items per bucket. */
    static boolean stratified(Map<String, Object> run) {
        return run != null && run.get("sampling") instanceof Map<?, ?> sampling && sampling.get("perBucket") != null;
    }

    /** {@code pooled}'s counts with rates weighted by the buckets' dataset sizes. */
    private static Totals weighted(Totals pooled, long[][] perBucket, long[] sizes) {
        int k = sizes.length;
        long[] n = new long[k];
        long[] correct = new long[k];
        long[] hallucinated = new long[k];
        long[] abstained = new long[k];
        long[] answered = new long[k];
        for (int b = 0; b < k; b++) {
            long[] c = perBucket[b];
            correct[b] = c[Outcome.CORRECT.ordinal()];
            hallucinated[b] = c[Outcome.HALLUCINATED.ordinal()];
            abstained[b] = c[Outcome.ABSTAINED.ordinal()];
            answered[b] = correct[b] + hallucinated[b];
            n[b] = answered[b] + abstained[b];
        }
        return new Totals(pooled.asked(), pooled.n(), pooled.correct(), pooled.hallucinated(), pooled.abstained(),
                pooled.errors(), Stratified.proportion(sizes, n, correct),
                Stratified.proportion(sizes, n, hallucinated), Stratified.proportion(sizes, n, abstained),
                Stratified.ratio(sizes, n, answered, correct), pooled.errorRate());
    }

    private static long[] sum(long[][] perBucket) {
        long[] total = new long[Outcome.values().length];
        for (long[] c : perBucket) {
            for (int o = 0; o < total.length; o++) {
                total[o] += c[o];
            }
        }
        return total;
    }

    /** Counts and Wilson-interval rates of one set of outcome counts (indexed by {@link Outcome#ordinal()}). */
    private static Totals totals(long[] c) {
        long correct = c[Outcome.CORRECT.ordinal()];
        long hallucinated = c[Outcome.HALLUCINATED.ordinal()];
        long abstained = c[Outcome.ABSTAINED.ordinal()];
        long errors = c[Outcome.ERROR.ordinal()];
        long n = correct + hallucinated + abstained;
        return new Totals((int) (n + errors), (int) n, (int) correct, (int) hallucinated, (int) abstained,
                (int) errors, Proportions.wilson(correct, n), Proportions.wilson(hallucinated, n),
                Proportions.wilson(abstained, n), Proportions.wilson(correct, correct + hallucinated),
                n + errors == 0 ? 0.0 : (double) errors / (n + errors));
    }

    /** The gap between {@link HeadTail}'s head and tail; without them, an undefined gap saying why. */
    private static Gap gap(List<BucketStats> stats, int minBucketSize) {
        HeadTail ht = HeadTail.of(stats, minBucketSize);
        if (!ht.defined()) {
            return new Gap(null, null, Estimate.NONE, Estimate.NONE, ht.reason());
        }
        BucketStats head = stats.get(ht.head());
        BucketStats tail = stats.get(ht.tail());
        return new Gap(head.name(), tail.name(),
                Proportions.newcombe(head.correct(), head.n(), tail.correct(), tail.n()),
                Proportions.newcombe(tail.hallucinated(), tail.n(), head.hallucinated(), head.n()));
    }
}
