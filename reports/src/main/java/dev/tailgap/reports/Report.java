package dev.tailgap.reports;

import java.util.List;

/**
 * Everything a renderer needs about one run: the dataset, what the run was ({@code run}: model, endpoint, prompt,
 * scorer, settings, tags and totals, no secrets), the bucketing scheme, per-bucket statistics ordered head to tail, totals, the
 * head-vs-tail gap, the log-linear slope, accuracy per decade of frequency ({@code points}, ascending by decade) and
 * the breakdown per relation ({@code relations}, sorted by name, items without a relation last; empty when no item
 * has a relation), and {@code integrity}: whether the run is complete, how many answers were truncated or came from the
 * cache or earlier attempts, and which model the endpoint said it served ({@link RunIntegrity}). Apart from
 * {@code metadata} it contains no timestamps: the same inputs give the same report.
 *
 * <p>When the run sampled items per bucket ({@code --per-bucket}), {@code overall}'s rates are population estimates:
 * each bucket weighted by its share of the whole dataset ({@link BucketStats#datasetSize()}), with stratified Wilson
 * intervals, while its counts stay the run's; {@code pooled} then holds the rates of the sample pooled as if it were
 * the dataset, for display beside them. Otherwise {@code overall} is the pooled sample and {@code pooled} is
 * {@code null}. {@code consistency} holds the answer consistency of a run that asked each item several times
 * ({@code --samples K}), {@code null} for a run that asked once. {@code metadata} is when and how the run was made
 * (times, durations, latencies, requests, tokens and cost, see {@link RunMetadata}; {@code null} when unknown): the
 * one part that differs between runs of the same inputs.
 */
public record Report(int schemaVersion, String tool, DatasetRef dataset, RunInfo run, String bucketing,
                     int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope,
                     List<DecadePoint> points, List<RelationStats> relations, Totals pooled, RunIntegrity integrity,
                     Consistency consistency, RunMetadata metadata) {

    /** Bumped whenever the JSON shape changes incompatibly (adding a field is compatible). */
    public static final int SCHEMA_VERSION = 1;

    public Report {
        buckets = List.copyOf(buckets);
        run = run == null ? RunInfo.NONE : run;
        points = points == null ? List.of() : List.copyOf(points);
        relations = relations == null ? List.of() : List.copyOf(relations);
        integrity = integrity == null ? RunIntegrity.UNKNOWN : integrity;
    }

    /** A report of items asked once ({@code consistency} {@code null}), without {@link RunMetadata}. */
    public Report(int schemaVersion, String tool, DatasetRef dataset, RunInfo run, String bucketing,
                  int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope,
                  List<DecadePoint> points, List<RelationStats> relations, Totals pooled, RunIntegrity integrity) {
        this(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope, points,
                relations, pooled, integrity, null, null);
    }

    /** This report with the answer consistency of repeated samples ({@code null}: asked once). */
    public Report withConsistency(Consistency c) {
        return new Report(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope,
                points, relations, pooled, integrity, c, metadata);
    }

    /** This report with {@code metadata} ({@code null}: none). */
    public Report withMetadata(RunMetadata m) {
        return new Report(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope,
                points, relations, pooled, integrity, consistency, m);
    }

    /** A report whose overall figures are the pooled sample and whose provenance is unknown. */
    public Report(int schemaVersion, String tool, DatasetRef dataset, RunInfo run, String bucketing,
                  int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope,
                  List<DecadePoint> points, List<RelationStats> relations) {
        this(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope, points,
                relations, null);
    }

    /** A report with {@code pooled} figures (or {@code null}) whose provenance is unknown. */
    public Report(int schemaVersion, String tool, DatasetRef dataset, RunInfo run, String bucketing,
                  int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope,
                  List<DecadePoint> points, List<RelationStats> relations, Totals pooled) {
        this(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope, points,
                relations, pooled, RunIntegrity.UNKNOWN);
    }

    /** This report with {@code integrity}. */
    public Report withIntegrity(RunIntegrity integrity) {
        return new Report(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope,
                points, relations, pooled, integrity, consistency, metadata);
    }

    /** True when {@code overall} is weighted by bucket size (see the class comment). */
    public boolean weighted() {
        return pooled != null;
    }

    /** A report without per-decade points or relations. */
    public Report(int schemaVersion, String tool, DatasetRef dataset, RunInfo run, String bucketing,
                  int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope) {
        this(schemaVersion, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope, List.of(),
                List.of());
    }

    /** The bucket with this name, or {@code null}. */
    public BucketStats bucket(String name) {
        for (BucketStats b : buckets) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }
}
