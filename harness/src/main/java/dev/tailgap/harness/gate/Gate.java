package dev.tailgap.harness.gate;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.stats.Holm;
import dev.tailgap.harness.stats.McNemar;
import dev.tailgap.harness.stats.PairedMargin;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.GateResult;
import dev.tailgap.reports.GateResult.Bound;
import dev.tailgap.reports.GateResult.PairedTest;
import dev.tailgap.reports.Gap;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.Slope;
import dev.tailgap.reports.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates gate {@link Rule}s over a run and, for the change rules, a baseline run on the same dataset.
 *
 * <p>Absolute rules compare the chosen number (the estimate, or a bound of its 95% interval) with the threshold.
 * {@code head} and {@code tail} are {@link HeadTail}'s; when fewer than two buckets have the minimum number of scored
 * items, head, tail and gap rules fail with "bucket too small (n = 11 &lt; 30)" instead of judging a tiny bucket.
 *
 * <p>A change rule pairs the bucket's items by id, keeping those scored (not ERROR) in both runs, and builds the
 * paired 2×2 table: the change is {@code (worse − better) / pairs} with Newcombe's paired 95% interval. On its point
 * estimate a drop (rise) rule with tolerance {@code t} fails only when the one-sided score test
 * ({@link PairedMargin}) of "the change exceeds t" is significant at {@code alpha} after Holm's adjustment across the
 * gate's drop and rise rules, so a true change at or below {@code t} fails at most {@code alpha} of the time. A
 * non-inferiority rule ({@code BUCKET.accuracy.noninferior <= t}) passes only when the test of "the change is below
 * t" is significant at {@code alpha} (each such rule at its own level: all must pass, so the release claim as a whole
 * keeps level {@code alpha}). Each paired result states the test's power at the run's pairs. On {@code .lower} /
 * {@code .upper} a drop or rise rule compares that interval bound with the tolerance, like any other rule.
 *
 * <p>A rule whose number cannot be computed (an empty bucket, no paired items) fails. Mistakes the user must fix
 * (an unknown bucket, a change rule without a baseline, a baseline on another dataset) are usage errors.
 */
public final class Gate {
    /** The default significance level of the change rules. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** How far beyond the tolerance the stated power of a drop or rise rule looks: tolerance + 0.10. */
    public static final double POWER_MARGIN = 0.10;

    private Gate() {
    }

    /**
     * Evaluates {@code rules} in order.
     *
     * @param baseline the run to compare with, or null when no rule needs one
     * @throws TailgapException (usage) for an unknown bucket, a missing or mismatched baseline, or a bad alpha
     */
    public static GateReport evaluate(List<Rule> rules, RunResults run, RunResults baseline, double alpha) {
        Objects.requireNonNull(run, "run");
        if (!(alpha > 0 && alpha < 1)) {
            throw TailgapException.usage("alpha must be between 0 and 1, got " + alpha);
        }
        for (Rule rule : rules) {
            if (rule.needsBaseline() && baseline == null) {
                throw TailgapException.usage("rule " + rule.quoted() + " compares with a baseline: pass "
                        + "--baseline RUN_DIR");
            }
        }
        if (baseline != null) {
            requireSameDataset(run, baseline);
        }
        List<Measured> measured = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            measured.add(rule.needsBaseline() ? paired(rule, run, baseline) : absolute(rule, run));
        }
        double[] adjusted = holm(measured);
        List<GateResult> results = new ArrayList<>(rules.size());
        int k = 0;
        for (Measured m : measured) {
            PairedTest test = null;
            if (m.table != null) {
                double adj = adjusted[k++];
                boolean ni = m.rule.change() == Rule.Change.NONINFERIOR;
                double t = m.rule.threshold();
                // decimal arithmetic, so that 0.02 + 0.10 is printed as 0.12
                java.math.BigDecimal margin = java.math.BigDecimal.valueOf(POWER_MARGIN);
                java.math.BigDecimal tolerance = java.math.BigDecimal.valueOf(t);
                double at = ni ? (t > 0 ? 0.0 : Math.max(-0.99, tolerance.subtract(margin).doubleValue()))
                        : Math.min(0.99, tolerance.add(margin).doubleValue());
                double discordant = (double) (m.table.worse + m.table.better) / m.table.pairs();
                test = new PairedTest(m.table.pairs(), m.table.worse, m.table.better, m.pValue(), adj, alpha,
                        adj < alpha, ni, PairedMargin.power(m.table.pairs(), t, at, discordant, alpha), at);
            }
            results.add(m.result(test));
        }
        return new GateReport(stamped(run), run.model(), run.report().dataset(),
                baseline == null ? null : stamped(baseline), baseline == null ? null : baseline.model(), alpha,
                results);
    }

    private static void requireSameDataset(RunResults run, RunResults baseline) {
        DatasetRef a = run.report().dataset();
        DatasetRef b = baseline.report().dataset();
        if (a == null || b == null || a.sha256() == null || !a.sha256().equals(b.sha256())) {
            throw TailgapException.usage("baseline " + baseline.label() + " is a run on " + describe(b)
                    + " but " + run.label() + " is on " + describe(a)
                    + ": a baseline must be a run on the same dataset");
        }
    }

    private static String describe(DatasetRef d) {
        if (d == null) {
            return "an unknown dataset";
        }
        return d.name() + "@" + d.version() + " (sha256 " + d.sha256() + ")";
    }

    /** A run's label, with the INCOMPLETE banner when it is unfinished, so every gate output carries it. */
    private static String stamped(RunResults r) {
        String banner = r.report().integrity().incompleteBanner(r.report().overall().asked());
        return banner == null ? r.label() : r.label() + " (" + banner + ")";
    }

    /** Holm over the change rules judged by their test (on the point estimate); the others keep their raw p. */
    private static double[] holm(List<Measured> measured) {
        List<Measured> tested = measured.stream().filter(m -> m.table != null).toList();
        double[] family = tested.stream().filter(Measured::tested).mapToDouble(Measured::pValue).toArray();
        double[] adjusted = Holm.adjust(family);
        double[] out = new double[tested.size()];
        int k = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = tested.get(i).tested() ? adjusted[k++] : tested.get(i).pValue();
        }
        return out;
    }

    // ---------------------------------------------------------------- absolute rules

    private static Measured absolute(Rule rule, RunResults run) {
        Report r = run.report();
        Totals o = r.overall();
        switch (rule.kind()) {
            case GAP: {
                Gap gap = r.gap();
                HeadTail ht = HeadTail.of(r);
                if (gap == null || !ht.defined()) {
                    return new Measured(rule, "gap", rule.metric(), Estimate.NONE, false, -1, ht.tooSmall(), null);
                }
                String subject = "gap (" + gap.head() + " minus " + gap.tail() + ")";
                Estimate e = rule.metric().equals("accuracy") ? gap.accuracy() : gap.hallucination();
                return new Measured(rule, subject, rule.metric(), e, false, -1,
                        e.defined() ? null : "the gap needs two buckets with scored items", null);
            }
            case ERRORS: {
                boolean rate = rule.metric().equals("rate");
                int unasked = r.integrity().unasked(o.asked());
                int failed = o.errors() + unasked;
                int planned = o.asked() + unasked;
                Estimate e = rate ? Proportions.wilson(failed, planned) : new Estimate(failed, Double.NaN, Double.NaN);
                String what = unasked == 0 ? (rate ? "error rate" : "errors")
                        : (rate ? "error rate (" + unasked + " planned items never asked count as errors)"
                        : "errors (with " + unasked + " planned items never asked)");
                return new Measured(rule, "all items", what, e, !rate, planned,
                        planned == 0 ? "no item was asked" : null, null);
            }
            case TRUNCATED: {
                boolean rate = rule.metric().equals("rate");
                int truncated = r.integrity().truncated();
                int answered = o.asked() - o.errors();
                Estimate e = rate ? Proportions.wilson(truncated, answered)
                        : new Estimate(truncated, Double.NaN, Double.NaN);
                return new Measured(rule, "all answers", rate ? "truncation rate" : "truncated answers", e, !rate,
                        answered, answered == 0 ? "no item was answered" : null, null);
            }
            case BUCKETS: {
                BucketStats smallest = null;
                for (BucketStats b : r.buckets()) {
                    if (b.datasetSize() > 0 && (smallest == null || b.n() < smallest.n())) {
                        smallest = b;
                    }
                }
                if (smallest == null) {
                    return new Measured(rule, "buckets", "scored items", Estimate.NONE, true, -1,
                            "no bucket holds any item of the dataset", null);
                }
                return new Measured(rule, "buckets (smallest: " + smallest.name() + ")", "scored items",
                        new Estimate(smallest.n(), Double.NaN, Double.NaN), true, -1, null, null);
            }
            case SLOPE: {
                Slope s = r.slope();
                boolean perDecade = rule.metric().equals("perDecade");
                Estimate e = perDecade ? new Estimate(s.perDecade(), s.lower(), s.upper())
                        : new Estimate(s.r2(), Double.NaN, Double.NaN);
                return new Measured(rule, "slope", perDecade ? "accuracy change per decade" : "R^2", e, false,
                        s.n(), e.defined() ? null
                        : "the fit needs three scored items at two or more frequencies above 0", null);
            }
            default:
                return bucketMetric(rule, run);
        }
    }

    private static Measured bucketMetric(Rule rule, RunResults run) {
        Selected sel = select(rule, run);
        if (sel.missing != null) {
            return new Measured(rule, sel.label, rule.metric(), Estimate.NONE, false, -1, sel.missing, null);
        }
        long n;
        Estimate accuracy;
        Estimate hallucination;
        Estimate abstention;
        Estimate precision;
        if (sel.stats != null) {
            BucketStats b = sel.stats;
            n = b.n();
            accuracy = b.accuracy();
            hallucination = b.hallucination();
            abstention = b.abstention();
            precision = b.precision();
        } else {
            Totals o = run.report().overall();
            n = o.n();
            accuracy = o.accuracy();
            hallucination = o.hallucination();
            abstention = o.abstention();
            precision = o.precision();
        }
        Estimate e;
        switch (rule.metric()) {
            case "instability":
            case "accuracy_at_k":
            case "majority_accuracy":
                ConsistencyMetric.Value v = ConsistencyMetric.of(run.report(), sel.stats == null ? null
                        : sel.stats.name(), rule.metric());
                return new Measured(rule, sel.label, rule.metric(), v.estimate(), false, v.n(), v.note(), null);
            case "accuracy":
                e = accuracy;
                break;
            case "hallucination":
                e = hallucination;
                break;
            case "abstention":
                e = abstention;
                break;
            case "precision":
                e = precision;
                break;
            default:
                return new Measured(rule, sel.label, "scored items", new Estimate(n, Double.NaN, Double.NaN), true,
                        -1, null, null);
        }
        String why = e.defined() ? null
                : sel.stats == null && run.report().weighted() && n > 0
                ? "a bucket of the dataset has no scored item, so the bucket-weighted estimate is undefined"
                : rule.metric().equals("precision") && n > 0 ? "no item was answered (all abstained)"
                : "no scored items";
        return new Measured(rule, sel.label, rule.metric(), e, false, n, why, null);
    }

    // ---------------------------------------------------------------- change rules

    private static Measured paired(Rule rule, RunResults run, RunResults baseline) {
        Selected sel = select(rule, run);
        boolean accuracy = rule.metric().equals("accuracy");
        String quantity = accuracy ? "accuracy drop" : "hallucination rise";
        if (sel.missing != null) {
            return new Measured(rule, sel.label, quantity, Estimate.NONE, false, -1, sel.missing, null);
        }
        Outcome bad = accuracy ? null : Outcome.HALLUCINATED;
        Table t = new Table();
        long[] unpaired = new long[1];
        run.forEachIn(sel.index, (id, now) -> {
            Outcome before = baseline.outcome(id);
            if (now == Outcome.ERROR || before == null || before == Outcome.ERROR) {
                unpaired[0]++;
                return;
            }
            // "good" is CORRECT for accuracy, anything but HALLUCINATED for hallucination
            boolean goodBefore = bad == null ? before == Outcome.CORRECT : before != bad;
            boolean goodNow = bad == null ? now == Outcome.CORRECT : now != bad;
            t.add(goodBefore, goodNow);
        });
        String note = unpaired[0] == 0 ? null : unpaired[0] + (unpaired[0] == 1 ? " item" : " items")
                + " of the run not scored in both runs left out";
        if (t.pairs() == 0) {
            return new Measured(rule, sel.label, quantity, Estimate.NONE, false, 0,
                    "no item of it was scored in both runs" + (note == null ? "" : "; " + note), null);
        }
        return new Measured(rule, sel.label, quantity, t.change(), false, t.pairs(), note, t);
    }

    /** The paired 2×2 table of "good" outcomes, baseline first. */
    private static final class Table {
        long both;
        long worse;  // good in the baseline only
        long better; // good in the run only
        long neither;

        void add(boolean goodBefore, boolean goodNow) {
            if (goodBefore && goodNow) {
                both++;
            } else if (goodBefore) {
                worse++;
            } else if (goodNow) {
                better++;
            } else {
                neither++;
            }
        }

        long pairs() {
            return both + worse + better + neither;
        }

        /** Baseline "good" rate minus the run's, with Newcombe's paired interval. */
        Estimate change() {
            return McNemar.pairedDifference(both, worse, better, neither);
        }
    }

    // ---------------------------------------------------------------- buckets

    /**
     * A bucket rule's subject: a bucket (index and stats), or every item ({@code index} −1, no stats); {@code missing}
     * says why there is nothing to measure (then the rule fails).
     */
    private record Selected(int index, BucketStats stats, String label, String missing) {
    }

    private static Selected select(Rule rule, RunResults run) {
        Report r = run.report();
        String s = rule.subject();
        if (s.equals("overall") || s.equals("all")) {
            return new Selected(-1, null, "all items", null);
        }
        Bucketing bucketing = run.saved().bucketing();
        String name;
        String label;
        if (s.equalsIgnoreCase("head") || s.equalsIgnoreCase("tail")) {
            boolean head = s.equalsIgnoreCase("head");
            HeadTail ht = HeadTail.of(r);
            String alias = head ? "head" : "tail";
            if (!ht.defined()) {
                return new Selected(-1, null, alias, ht.tooSmall());
            }
            name = r.buckets().get(head ? ht.head() : ht.tail()).name();
            label = name.equals(alias) ? alias : alias + " (" + name + ")";
        } else {
            name = s;
            label = s;
        }
        List<String> names = bucketing.buckets().stream().map(b -> b.name()).toList();
        int index = names.indexOf(name);
        if (index < 0) {
            throw TailgapException.usage("rule " + rule.quoted() + ": " + run.label() + " has no bucket '" + s
                    + "' (its buckets are " + String.join(", ", names) + "; or use head, tail, overall)");
        }
        return new Selected(index, r.buckets().get(index), label, null);
    }

    /** A rule's measurement before the verdict. */
    private record Measured(Rule rule, String subject, String quantity, Estimate observed, boolean count, long n,
                            String note, Table table) {

        /** A drop or rise rule on its point estimate: the Holm-adjusted test decides whether it fails. */
        boolean tested() {
            return table != null && rule.bound() == Bound.VALUE && rule.change() != Rule.Change.NONINFERIOR;
        }

        /** The one-sided score-test p-value against the rule's tolerance (above it, or below it for NI). */
        double pValue() {
            long n = table.pairs();
            return rule.change() == Rule.Change.NONINFERIOR
                    ? PairedMargin.pBelow(table.worse, table.better, n, rule.threshold())
                    : PairedMargin.pAbove(table.worse, table.better, n, rule.threshold());
        }

        GateResult result(PairedTest test) {
            double x = rule.bound().of(observed);
            boolean met = observed.defined() && rule.holds(x);
            boolean decidedByTest = test != null && rule.bound() == Bound.VALUE;
            boolean passed = observed.defined() && (decidedByTest
                    ? (test.nonInferiority() ? test.significant() : !test.significant()) : met);
            return new GateResult(rule.text(), subject, quantity, rule.bound(), rule.comparator(),
                    rule.threshold(), observed, count, n, test, met, passed, note);
        }
    }
}
