package dev.tailgap.harness.gate;

import dev.tailgap.reports.Consistency;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.Report;

/**
 * The gate's consistency metrics of a run asked K times per item ({@link Consistency}): {@code instability},
 * {@code accuracy_at_k} and {@code majority_accuracy} of a bucket or overall, undefined with a note for a run asked
 * once.
 */
final class ConsistencyMetric {
    /** The estimate, the items it rests on ({@code -1}: none) and why it is undefined ({@code null}: it is not). */
    record Value(Estimate estimate, long n, String note) {
    }

    private ConsistencyMetric() {
    }

    /** {@code metric} of bucket {@code bucket} ({@code null}: overall) in {@code report}. */
    static Value of(Report report, String bucket, String metric) {
        Consistency c = report.consistency();
        if (c == null) {
            return new Value(Estimate.NONE, -1, "the run asked each item once; " + metric
                    + " needs --samples K of 2 or more");
        }
        Consistency.Row row = bucket == null ? c.overall() : c.buckets().stream()
                .filter(r -> r.name().equals(bucket)).findFirst().orElse(null);
        if (row == null) {
            return new Value(Estimate.NONE, -1, "no such bucket");
        }
        Estimate e = metric.equals("instability") ? row.instability()
                : metric.equals("accuracy_at_k") ? row.accuracyAtK() : row.majorityAccuracy();
        return new Value(e, row.n(), e.defined() ? null : "no item with all its samples scored");
    }
}
