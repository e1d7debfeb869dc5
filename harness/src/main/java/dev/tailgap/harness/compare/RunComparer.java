package dev.tailgap.harness.compare;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.record.RunOutcomes;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.stats.GapChange;
import dev.tailgap.harness.stats.Holm;
import dev.tailgap.harness.stats.McNemar;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.Comparison.ComparedRun;
import dev.tailgap.reports.Comparison.GapShift;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Comparison.RankedRun;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares saved runs on the same dataset against the first one (the baseline), without calling any model.
 *
 * <p>Every run is bucketed with the baseline's bucket definitions (by each item's frequency), so all runs share the
 * baseline's buckets. Items are paired by id; a pair counts when both runs scored the item (neither ERROR). Per bucket
 * the paired 2×2 table gives the exact McNemar test ({@link McNemar#exactPValue}) and the paired accuracy difference
 * with Newcombe's interval ({@link McNemar#pairedDifference}); the bucket p-values of one run-versus-baseline
 * comparison are Holm-adjusted together ({@link Holm#adjust}), one family per compared run. The head-versus-tail gap
 * of each run is taken over the baseline's head and tail, and its change with a paired interval ({@link GapChange}).
 * The hallucination and abstention rates get the same paired test per bucket ({@link PairedRates}).
 * The result does not depend on the order of the item logs' lines. Each log is read once, streamed, the baseline's
 * last ({@link DisagreementScan}); per item only its id hash, bucket, outcome and line offset are kept
 * ({@link RunOutcomes}).
 */
public final class RunComparer {
    /** Disagreeing items listed per bucket; all are counted. */
    public static final int DISAGREEMENTS_PER_BUCKET = 25;

    private RunComparer() {
    }

    /**
     * Compares the runs in {@code dirs} (at least two) against the first.
     *
     * @throws TailgapException (usage) when a directory is not a run, or the runs used different datasets
     */
    public static Comparison compare(List<Path> dirs, String tool) {
        return compare(dirs, tool, false);
    }

    /** Like {@link #compare(List, String)}; unfinished runs are refused unless {@code allowIncomplete}. */
    public static Comparison compare(List<Path> dirs, String tool, boolean allowIncomplete) {
        if (dirs.size() < 2) {
            throw TailgapException.usage("compare needs at least two run directories, got " + dirs.size());
        }
        List<SavedRun> saved = new ArrayList<>();
        for (Path d : dirs) {
            saved.add(SavedRun.read(d));
        }
        SavedRun base = saved.get(0);
        for (int i = 1; i < saved.size(); i++) {
            String a = base.dataset().sha256();
            String b = saved.get(i).dataset().sha256();
            if (a == null || !a.equals(b)) {
                throw TailgapException.usage("runs " + dirs.get(0) + " and " + dirs.get(i)
                        + " used different datasets (sha256 " + a + " vs " + b
                        + "); compare needs runs on the same dataset file");
            }
        }
        Bucketing bucketing = base.bucketing();
        List<String> labels = labels(saved, dirs);
        List<String> bucketNames = bucketing.buckets().stream().map(b -> b.name()).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < bucketNames.size(); i++) {
            index.put(bucketNames.get(i), i);
        }
        List<RunOutcomes> outcomes = new ArrayList<>();
        List<ComparedRun> runs = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            outcomes.add(new RunOutcomes());
            runs.add(null);
        }
        DisagreementScan disagreements = new DisagreementScan(bucketNames, dirs, outcomes);
        for (int k = 1; k <= saved.size(); k++) {
            int i = k % saved.size(); // the baseline last: its pass lists the disagreements
            SavedRun s = saved.get(i);
            boolean same = s.bucketing().equals(bucketing);
            Aggregator agg = new Aggregator(bucketing);
            RunOutcomes o = outcomes.get(i);
            long lines = RunReports.forEachAt(dirs.get(i), (r, offset) -> {
                ItemResult rb = same ? r : rebucket(r, bucketing);
                agg.add(rb);
                int b = index.getOrDefault(rb.bucket(), -1);
                boolean fresh = o.put(rb.id(), b, rb.outcome(), offset);
                if (i == 0) {
                    disagreements.offer(rb, b, offset, fresh);
                }
            });
            s.requireComplete(dirs.get(i), lines, allowIncomplete);
            runs.set(i, new ComparedRun(labels.get(i), name(dirs.get(i)),
                    agg.report(tool, s.dataset(), s.settings(), base.minBucketSize()).withIntegrity(s.integrity(agg))));
        }

        List<PairedComparison> pairs = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            PairedComparison p = paired(labels.get(0), labels.get(i), bucketNames, outcomes.get(0), outcomes.get(i));
            pairs.add(new PairedComparison(p.baseline(), p.other(), p.buckets(), p.overall(),
                    gapShift(runs.get(0).report(), runs.get(i).report(), p.buckets()),
                    PairedRates.of(Outcome.HALLUCINATED, bucketNames, outcomes.get(0), outcomes.get(i)),
                    PairedRates.of(Outcome.ABSTAINED, bucketNames, outcomes.get(0), outcomes.get(i))));
        }
        Report baseReport = runs.get(0).report();
        String tail = baseReport.gap() != null && baseReport.gap().tail() != null ? baseReport.gap().tail()
                : bucketNames.isEmpty() ? null : bucketNames.get(bucketNames.size() - 1);
        return new Comparison(Comparison.SCHEMA_VERSION, tool, base.dataset(), bucketing.scheme(), tail, runs, pairs,
                ranking(runs, tail), disagreements.result());
    }

    private static ItemResult rebucket(ItemResult r, Bucketing b) {
        String bucket = b.buckets().get(b.assign(r.frequency())).name();
        return r.rescored(bucket, r.extracted(), r.outcome(), r.error(), r.reason(), r.judge());
    }

    /** Each run's model name; a repeated one gets its directory name, and a number if that is not enough. */
    private static List<String> labels(List<SavedRun> saved, List<Path> dirs) {
        List<String> base = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (SavedRun s : saved) {
            Object m = s.settings().get("model");
            String label = m == null ? "run" : m.toString();
            base.add(label);
            counts.merge(label, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < base.size(); i++) {
            String label = counts.get(base.get(i)) > 1 ? base.get(i) + " (" + name(dirs.get(i)) + ")" : base.get(i);
            String unique = label;
            for (int k = 2; !seen.add(unique); k++) {
                unique = label + " #" + k;
            }
            out.add(unique);
        }
        return out;
    }

    private static String name(Path dir) {
        Path f = dir.toAbsolutePath().normalize().getFileName();
        return f == null ? dir.toString() : f.toString();
    }

    static PairedComparison paired(String baseLabel, String otherLabel, List<String> buckets, RunOutcomes base,
                                   RunOutcomes other) {
        int m = buckets.size();
        long[][] t = new long[m + 1][5]; // a, b (baseline only), c (other only), d, unpaired; row m = overall
        for (int s = 0; s < base.capacity(); s++) {
            if (!base.used(s)) {
                continue;
            }
            int b = base.bucket(s);
            if (b < 0) {
                continue;
            }
            int o = other.find(base.key(s));
            int cell;
            if (base.outcome(s) == Outcome.ERROR || o < 0 || other.outcome(o) == Outcome.ERROR) {
                cell = 4;
            } else {
                boolean cx = base.outcome(s) == Outcome.CORRECT;
                boolean cy = other.outcome(o) == Outcome.CORRECT;
                cell = cx && cy ? 0 : cx ? 1 : cy ? 2 : 3;
            }
            t[b][cell]++;
            t[m][cell]++;
        }
        for (int s = 0; s < other.capacity(); s++) {
            if (other.used(s) && other.bucket(s) >= 0 && base.find(other.key(s)) < 0) {
                t[other.bucket(s)][4]++; // only in the other run: unpaired
                t[m][4]++;
            }
        }
        double[] raw = new double[m];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (t[i][0] + t[i][1] + t[i][2] + t[i][3] > 0) {
                raw[i] = McNemar.exactPValue(t[i][1], t[i][2]);
                tested.add(i);
            } else {
                raw[i] = Double.NaN;
            }
        }
        double[] family = new double[tested.size()];
        for (int k = 0; k < family.length; k++) {
            family[k] = raw[tested.get(k)];
        }
        double[] adjusted = Holm.adjust(family);
        double[] adj = new double[m];
        java.util.Arrays.fill(adj, Double.NaN);
        for (int k = 0; k < family.length; k++) {
            adj[tested.get(k)] = adjusted[k];
        }
        List<PairedBucket> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(row(buckets.get(i), t[i], raw[i], adj[i]));
        }
        long[] all = t[m];
        double pAll = all[0] + all[1] + all[2] + all[3] > 0 ? McNemar.exactPValue(all[1], all[2]) : Double.NaN;
        return new PairedComparison(baseLabel, otherLabel, rows, row("all", all, pAll, Double.NaN), null);
    }

    /** Both runs' gaps over the baseline's head and tail, and the paired change in gap. */
    static GapShift gapShift(Report base, Report other, List<PairedBucket> rows) {
        HeadTail ht = HeadTail.of(base);
        if (!ht.defined()) {
            return new GapShift(null, null, Estimate.NONE, Estimate.NONE, Estimate.NONE, Estimate.NONE,
                    Estimate.NONE, ht.reason());
        }
        Estimate headChange = rows.get(ht.head()).difference();
        Estimate tailChange = rows.get(ht.tail()).difference();
        return new GapShift(base.buckets().get(ht.head()).name(), base.buckets().get(ht.tail()).name(),
                gap(base, ht), gap(other, ht), headChange, tailChange, GapChange.of(headChange, tailChange), null);
    }

    private static Estimate gap(Report r, HeadTail ht) {
        BucketStats head = r.buckets().get(ht.head());
        BucketStats tail = r.buckets().get(ht.tail());
        return Proportions.newcombe(head.correct(), head.n(), tail.correct(), tail.n());
    }

    private static PairedBucket row(String bucket, long[] t, double p, double adjusted) {
        // the other run is "first": its right-only count is c, the baseline's is b
        Estimate diff = McNemar.pairedDifference(t[0], t[2], t[1], t[3]);
        return new PairedBucket(bucket, (int) (t[0] + t[1] + t[2] + t[3]), (int) t[0], (int) t[1], (int) t[2],
                (int) t[3], (int) t[4], diff, p, adjusted, adjusted < Comparison.ALPHA);
    }

    private static List<RankedRun> ranking(List<ComparedRun> runs, String tail) {
        List<RankedRun> out = new ArrayList<>();
        for (ComparedRun r : runs) {
            BucketStats b = tail == null ? null : r.report().bucket(tail);
            out.add(new RankedRun(r.label(), b == null ? Estimate.NONE : b.accuracy()));
        }
        Comparator<RankedRun> byAccuracy = Comparator.comparingDouble(
                (RankedRun x) -> x.tailAccuracy().defined() ? -x.tailAccuracy().value() : Double.POSITIVE_INFINITY);
        List<RankedRun> sorted = new ArrayList<>(out);
        sorted.sort(byAccuracy); // stable: ties keep the runs' order
        return sorted;
    }
}
