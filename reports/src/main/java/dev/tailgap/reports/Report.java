package dev.tailgap.reports;

import java.util.List;
import java.util.Map;

/**
 * Everything a renderer needs about one run: the dataset, the run's settings ({@code run}, a JSON-like tree with
 * sorted keys and no secrets), the bucketing scheme, per-bucket statistics ordered head to tail, totals, the
 * head-vs-tail gap and the log-linear slope. Contains no timestamps: the same run gives the same report.
 */
public record Report(int schemaVersion, String tool, DatasetRef dataset, Map<String, Object> run, String bucketing,
                     int minBucketSize, List<BucketStats> buckets, Totals overall, Gap gap, Slope slope) {

    /** Bumped whenever the JSON shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;

    public Report {
        buckets = List.copyOf(buckets);
        run = run == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(run));
    }
}
