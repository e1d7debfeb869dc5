package dev.tailgap.harness.history;

import dev.tailgap.harness.compare.RunComparer;
import dev.tailgap.harness.stats.GapChange;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.Comparison.GapShift;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.Trend;
import dev.tailgap.reports.Trend.Change;
import dev.tailgap.reports.Trend.Metric;
import dev.tailgap.reports.Trend.Point;
import dev.tailgap.reports.Trend.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Trend} from runs in the order given, comparing each run with the one before it.
 *
 * <p>Two runs on the same dataset (same content hash) that scored some of the same items are compared as
 * {@code tailgap compare} compares them ({@link RunComparer}): overall, head and tail by the exact McNemar test on
 * the paired items (overall at {@value Trend#ALPHA}; head and tail by compare's Holm-adjusted p across buckets), over
 * the earlier run's head and tail buckets, and the gap's change by its paired 95% interval (significant when it
 * excludes zero). Otherwise (other datasets, no shared items) each figure's change is the difference of two
 * independent estimates with the square-and-add interval ({@link GapChange#of}, which for two Wilson intervals is
 * Newcombe's hybrid score interval), significant when it excludes zero. The same holds for the overall figure of
 * runs that sampled per bucket, whose overall accuracy is weighted by bucket size.
 */
public final class TrendBuilder {
    static final String WEIGHTED = "overall is weighted by bucket size (items sampled per bucket), which the paired "
            + "items do not estimate, so its change is judged by the interval of two independent estimates "
            + "(conservative for paired items)";

    private TrendBuilder() {
    }

    /**
     * The trend of {@code runs} in this order. {@code labelTag}: the tag whose value labels a run (its directory's
     * name when the run lacks it, or when {@code null}).
     */
    public static Trend build(String title, String order, List<RunEntry> runs, String labelTag, String tool) {
        List<Point> points = new ArrayList<>();
        for (RunEntry r : runs) {
            points.add(point(r, labelTag));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            steps.add(step(runs.get(i - 1), runs.get(i), tool));
        }
        return new Trend(tool, title, order, points, steps);
    }

    private static Point point(RunEntry r, String labelTag) {
        String name = r.dir().getFileName() == null ? r.dir().toString() : r.dir().getFileName().toString();
        String label = labelTag != null && r.tags().containsKey(labelTag) ? r.tags().get(labelTag) : name;
        return new Point(label, name, r.model(), r.dataset(), r.when().equals(java.time.Instant.EPOCH) ? null
                : r.when(), r.tags(), r.complete(), r.n(), r.overall(), r.head(), r.headAccuracy(), r.tail(),
                r.tailAccuracy(), r.gap());
    }

    static Step step(RunEntry before, RunEntry after, String tool) {
        if (before.datasetSha256() != null && before.datasetSha256().equals(after.datasetSha256())) {
            Comparison c = RunComparer.compare(List.of(before.dir(), after.dir()), tool, true);
            PairedComparison p = c.pairs().get(0);
            if (p.overall().pairs() > 0) {
                boolean weighted = c.runs().stream().anyMatch(r -> r.report().weighted());
                return paired(p, weighted ? independent(Metric.OVERALL, before.overall(), after.overall()) : null);
            }
            return unpaired(before, after, "no item was scored by both runs, so they are compared as independent "
                    + "samples");
        }
        return unpaired(before, after, "the runs used different datasets, so they are compared as independent "
                + "samples");
    }

    /**
     * The paired step; {@code weightedOverall} (or {@code null}) replaces the paired overall change when a run's
     * overall figure is weighted by bucket size, which the pooled paired items do not estimate.
     */
    private static Step paired(PairedComparison p, Change weightedOverall) {
        List<Change> changes = new ArrayList<>();
        PairedBucket all = p.overall();
        changes.add(weightedOverall != null ? weightedOverall : new Change(Metric.OVERALL, all.difference(),
                all.pValue(), all.pairs(), all.pValue() < Trend.ALPHA));
        String note = weightedOverall == null ? null : WEIGHTED;
        GapShift g = p.gap();
        if (g.head() == null) {
            return new Step(true, all.pairs(), changes, join(note, "head and tail: " + g.note()));
        }
        PairedBucket head = bucket(p, g.head());
        PairedBucket tail = bucket(p, g.tail());
        changes.add(new Change(Metric.HEAD, head.difference(), head.pValue(), head.pairs(), head.significant()));
        changes.add(new Change(Metric.TAIL, tail.difference(), tail.pValue(), tail.pairs(), tail.significant()));
        changes.add(new Change(Metric.GAP, g.change(), Double.NaN, head.pairs() + tail.pairs(),
                excludesZero(g.change())));
        return new Step(true, all.pairs(), changes, note);
    }

    private static PairedBucket bucket(PairedComparison p, String name) {
        return p.buckets().stream().filter(b -> b.bucket().equals(name)).findFirst().orElseThrow();
    }

    private static Step unpaired(RunEntry before, RunEntry after, String why) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>(List.of(why));
        changes.add(independent(Metric.OVERALL, before.overall(), after.overall()));
        if (before.head() != null && after.head() != null) {
            changes.add(independent(Metric.HEAD, before.headAccuracy(), after.headAccuracy()));
            changes.add(independent(Metric.TAIL, before.tailAccuracy(), after.tailAccuracy()));
            changes.add(independent(Metric.GAP, before.gap(), after.gap()));
            if (!Objects.equals(before.head(), after.head()) || !Objects.equals(before.tail(), after.tail())) {
                notes.add("head and tail are other buckets in the two runs");
            }
        } else {
            notes.add("head and tail: a run has no head and tail bucket with enough scored items");
        }
        return new Step(false, 0, changes, String.join("; ", notes));
    }

    private static Change independent(Metric m, Estimate before, Estimate after) {
        if (!before.defined() || !after.defined()) {
            return new Change(m, Estimate.NONE, Double.NaN, 0, false);
        }
        Estimate d = GapChange.of(after, before);
        return new Change(m, d, Double.NaN, 0, excludesZero(d));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    static boolean excludesZero(Estimate e) {
        return e.defined() && (e.lower() > 0 || e.upper() < 0);
    }
}
