package dev.tailgap.spark;

import dev.tailgap.datasets.frequency.CorpusCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What Spark tasks send back and merge on the way to the driver: counts and the units skipped as bad. */
final class UnitOutcome implements Serializable {
    private static final long serialVersionUID = 1L;
    final CorpusCounts counts;
    /** Skipped units: index and the one-line problem. */
    final List<Object[]> skipped = new ArrayList<>();
    /** How many units (or Parquet partitions) went into it. */
    int units;

    UnitOutcome(CorpusCounts counts) {
        this.counts = counts;
    }

    UnitOutcome merge(UnitOutcome other) {
        counts.add(other.counts);
        skipped.addAll(other.skipped);
        units += other.units;
        return this;
    }
}
