package dev.tailgap.spark;

import dev.tailgap.datasets.frequency.CountTarget;
import dev.tailgap.datasets.frequency.MatchOptions;
import java.io.Serializable;
import java.util.List;

/** What every executor needs to compile the matcher: the targets and the match options (broadcast once). */
record CountPlan(List<CountTarget> targets, MatchOptions match) implements Serializable {
    private static final long serialVersionUID = 1L;

    CountPlan {
        targets = List.copyOf(targets);
    }
}
