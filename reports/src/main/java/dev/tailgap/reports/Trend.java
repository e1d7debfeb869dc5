package dev.tailgap.reports;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs of one series in order (oldest first) with their overall, head and tail accuracy and head-minus-tail gap, each
 * with its 95% interval, and for every run after the first the change against the run before it ({@link Step}).
 *
 * <p>Contract: {@code steps.get(k)} compares {@code runs.get(k)} with {@code runs.get(k + 1)}, so there is one step
 * fewer than runs. {@code title} names the series (e.g. {@code series=nightly}) and {@code order} says how the runs
 * were ordered. Tags, labels and model names are untrusted text: renderers escape them.
 */
public record Trend(String tool, String title, String order, List<Point> runs, List<Step> steps) {

    /** Changes whose test gives p below this (or whose 95% interval excludes zero) are called significant. */
    public static final double ALPHA = Comparison.ALPHA;

    public Trend {
        runs = List.copyOf(runs);
        steps = List.copyOf(steps);
        if (!runs.isEmpty() && steps.size() != runs.size() - 1) {
            throw new IllegalArgumentException(steps.size() + " steps for " + runs.size() + " runs");
        }
    }

    /** The figures a trend follows. */
    public enum Metric {
        OVERALL, HEAD, TAIL, GAP;

        /** The lower-case name used in tables and data attributes. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One run: a display {@code label}, its directory's name ({@code run}), model, dataset id, when it ended
     * ({@code null} when unknown), its tags, whether it is complete, {@code n} scored items, and its figures; head and
     * tail are those of its report ({@link HeadTail}), {@code null} names with undefined estimates when the run has
     * none.
     */
    public record Point(String label, String run, String model, String dataset, Instant when, Map<String, String> tags,
                        boolean complete, int n, Estimate overall, String head, Estimate headAccuracy, String tail,
                        Estimate tailAccuracy, Estimate gap) {
        public Point {
            tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
        }

        /** The run's figure for {@code m}. */
        public Estimate value(Metric m) {
            return switch (m) {
                case OVERALL -> overall;
                case HEAD -> headAccuracy;
                case TAIL -> tailAccuracy;
                case GAP -> gap;
            };
        }
    }

    /**
     * A run against the one before it. {@code paired}: both ran the same dataset and {@code pairs} items were scored by
     * both, so each change is over those items (exact McNemar for overall, head and tail as {@code tailgap compare}
     * computes them, the gap's change by its paired interval); otherwise each change is the difference of the two
     * runs' own figures with an interval for independent samples (Newcombe's square-and-add), significant when it
     * excludes zero. {@code note} explains a missing figure, or is {@code null}.
     */
    public record Step(boolean paired, int pairs, List<Change> changes, String note) {
        public Step {
            changes = List.copyOf(changes);
        }

        /** True when any of the changes is significant. */
        public boolean significant() {
            return changes.stream().anyMatch(Change::significant);
        }

        /** The change of {@code m}, or {@code null}. */
        public Change change(Metric m) {
            return changes.stream().filter(c -> c.metric() == m).findFirst().orElse(null);
        }
    }

    /**
     * The change of one figure (later minus earlier) with its 95% interval, the test's two-sided p-value ({@code NaN}
     * when the change is judged by its interval alone), the items paired for it ({@code 0} when unpaired) and whether
     * it is significant.
     */
    public record Change(Metric metric, Estimate difference, double pValue, int pairs, boolean significant) {
    }
}
