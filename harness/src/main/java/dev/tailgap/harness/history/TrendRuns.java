package dev.tailgap.harness.history;

import dev.tailgap.harness.TailgapException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs a trend follows, in order: given directories, or the indexed runs with every tag asked for; unfinished
 * runs left out (and counted) unless asked for; ordered by a tag's value as a version ({@code 1.9 < 1.10}; runs
 * without it last) or, by default, by time. Equal keys keep time order.
 */
public record TrendRuns(List<RunEntry> runs, int skippedIncomplete, String order) {

    public TrendRuns {
        runs = List.copyOf(runs);
    }

    /**
     * Selects and orders the runs.
     *
     * @param dirs run directories (empty: select from the index by {@code tags})
     * @param orderTag the tag to order by, or {@code null} for time
     */
    public static TrendRuns select(List<Path> dirs, List<TagMatch> tags, Path runsDir, String orderTag,
                                   boolean allowIncomplete) {
        List<RunEntry> chosen = new ArrayList<>();
        if (!dirs.isEmpty()) {
            for (Path d : dirs) {
                RunEntry e = RunEntries.read(d);
                if (!e.complete() && !allowIncomplete) {
                    throw TailgapException.usage("run " + d + " is incomplete (" + e.status().label() + ": " + e.asked()
                            + " of " + e.planned() + " planned items asked); finish it with tailgap run --resume " + d
                            + ", or pass --allow-incomplete to include it (marked INCOMPLETE)");
                }
                chosen.add(e);
            }
        } else {
            if (tags.isEmpty()) {
                throw TailgapException.usage("trend needs run directories or --tag KEY=VALUE (e.g. --tag "
                        + "series=nightly) to pick runs from the index");
            }
            try (RunIndex index = RunIndex.open(runsDir)) {
                index.refresh();
                chosen.addAll(index.all().stream().filter(e -> TagMatch.all(tags, e.tags())).toList());
            }
            if (chosen.isEmpty()) {
                throw TailgapException.usage("no run in " + runsDir + " is tagged " + String.join(" and ",
                        tags.stream().map(TagMatch::toString).toList()) + " (tailgap runs list shows the runs)");
            }
        }
        int before = chosen.size();
        if (!allowIncomplete) {
            chosen.removeIf(e -> !e.complete());
        }
        Comparator<RunEntry> byTime = Comparator.comparing(RunEntry::when).thenComparing(e -> e.dir().toString());
        Comparator<RunEntry> order = orderTag == null ? byTime
                : Comparator.<RunEntry, String>comparing(e -> e.tags().get(orderTag),
                        Comparator.nullsLast(VersionOrder.INSTANCE)).thenComparing(byTime);
        chosen.sort(order);
        return new TrendRuns(chosen, before - chosen.size(), orderTag == null ? "time"
                : "the value of the tag " + orderTag);
    }
}
