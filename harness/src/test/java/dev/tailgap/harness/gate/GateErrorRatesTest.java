package dev.tailgap.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.Sampler;
import dev.tailgap.datasets.SamplingSpec;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline rule's error rates, by simulation with the synthetic reference model, whose truth is known.
 *
 * <p>Runs: world-cities sampled 300 per bucket (seed 1234), so the tail bucket (1e3-1e4) holds 300 items. A model
 * knows item i with probability p_i = {@link SimParams#pKnow}; a run draws each item's outcome once from p_i
 * ({@link SimModel#decide} with the run's seed). Two runs of an unchanged model are two independent draws per item
 * from the same p_i (same parameters, different seeds): they differ by sampling noise only. A "10-point tail-accuracy
 * drop" is a candidate whose knowledge curve is shifted towards the head (its logistic midpoint raised by the δ that
 * makes the mean of p_i over the 300 tail items exactly 0.10 lower), drawn independently of the baseline.
 * Independent draws are the hard case for a paired test (the most discordant pairs); a real model rerun at
 * temperature 0 repeats most of its answers.
 *
 * <p>Each repetition evaluates the rule at alpha 0.05 with {@link Gate} on a fresh pair of runs (baseline seed and
 * candidate seed new each time, deterministic). {@code tail.accuracy.drop <= 0.02} must fail at most alpha of the time
 * for every true drop in [0, 0.02] (asserted at 0, 0.01 and 0.02: ≤ 0.05 + 3·SE over {@value #DEFAULT_REPS}
 * repetitions) and catch a drop of 0.12 (tolerance + 0.10) with power ≥ 0.80 − 3·SE; the release rule
 * {@code tail.accuracy.noninferior <= 0.02} must pass at most alpha of the time when the drop is 0.02. Each line also
 * prints the mean power the gate stated. For the full figures: {@code mvn -B -ntp -pl harness -am test
 * -Dtest=GateErrorRatesTest -Dsurefire.failIfNoSpecifiedTests=false -Dtailgap.gate.reps=5000}, which adds a
 * stronger baseline (tail accuracy about 0.5, the most variable case) and the release rule when nothing changed.
 */
class GateErrorRatesTest {
    static final int DEFAULT_REPS = 300;
    static final int REPS = Integer.getInteger("tailgap.gate.reps", DEFAULT_REPS);
    static final double ALPHA = 0.05;

    static List<Item> sample;
    static int tailBucket;
    static Bucketing bucketing;
    static DatasetRef ref;

    @BeforeAll
    static void sample() {
        Dataset d = DatasetFiles.load("world-cities", false);
        bucketing = d.defaultBucketing();
        BitSet chosen = Sampler.select(d, bucketing, new SamplingSpec(300, null, 1234));
        List<Item> all = DatasetFiles.items(d);
        sample = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            sample.add(all.get(i));
        }
        tailBucket = bucketing.buckets().size() - 1;
        ref = new DatasetRef(d.manifest().name(), d.manifest().version(), d.sha256(), d.size(), null, null);
    }

    static List<Item> tail() {
        return sample.stream().filter(i -> bucketing.assign(i.frequency()) == tailBucket).toList();
    }

    /** Expected tail accuracy of a model: the mean of p_i over the sampled tail items. */
    static double tailAccuracy(SimParams p) {
        return tail().stream().mapToDouble(i -> p.pKnow(i.frequency())).average().orElseThrow();
    }

    /** The model whose expected tail accuracy is exactly {@code drop} lower: its midpoint raised by bisection. */
    static SimParams dropped(SimParams p, double drop) {
        double target = tailAccuracy(p) - drop;
        double lo = 0;
        double hi = 10;
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            if (tailAccuracy(shift(p, mid, p.seed())) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return shift(p, (lo + hi) / 2, p.seed());
    }

    static SimParams shift(SimParams p, double delta, long seed) {
        return new SimParams(p.midpoint() + delta, p.steepness(), p.floor(), p.ceiling(), p.hallucinationShare(),
                seed, 0);
    }

    static RunResults run(SimParams p, long seed, String label) {
        SimModel model = SimModel.of(List.of(), shift(p, 0, seed));
        List<ItemResult> results = new ArrayList<>(sample.size());
        for (Item i : sample) {
            SimModel.Decision d = model.decide(i);
            Outcome o = d == SimModel.Decision.KNOWS ? Outcome.CORRECT
                    : d == SimModel.Decision.HALLUCINATES ? Outcome.HALLUCINATED : Outcome.ABSTAINED;
            results.add(new ItemResult(i.id(), i.question(), i.answers(), i.concept(), i.relation(), i.frequency(),
                    bucketing.buckets().get(bucketing.assign(i.frequency())).name(), null, null, o, null, 0, -1, -1));
        }
        return RunResults.of(label, new SavedRun(Map.of("model", label), ref, bucketing, 30), results);
    }

    /**
     * Over {@value #DEFAULT_REPS} (or {@code tailgap.gate.reps}) repetitions of baseline model {@code base} against
     * {@code candidate}: the share in which the rule fails, and the mean power the gate stated for the rule.
     */
    static double[] failureRate(SimParams base, SimParams candidate, String rule) {
        List<Rule> rules = List.of(Rule.parse(rule, null));
        int failed = 0;
        double stated = 0;
        for (int r = 0; r < REPS; r++) {
            long seed = 1_000_003L * r + 11;
            GateReport g = Gate.evaluate(rules, run(candidate, seed + 500_009L, "candidate"),
                    run(base, seed, "baseline"), ALPHA);
            failed += g.passed() ? 0 : 1;
            stated += g.results().get(0).paired().power();
        }
        return new double[] {(double) failed / REPS, stated / REPS};
    }

    @Test
    void aTrueDropInsideTheToleranceFailsAtMostAlphaAndOneBeyondItIsCaught() {
        SimParams base = SimParams.DEFAULTS;
        assertThat(tail()).hasSize(300);
        String rule = "tail.accuracy.drop <= 0.02";
        double seAlarm = Math.sqrt(ALPHA * (1 - ALPHA) / REPS);
        for (double drop : new double[] {0.0, 0.01, 0.02}) {
            SimParams candidate = drop == 0 ? base : dropped(base, drop);
            double[] rate = failureRate(base, candidate, rule);
            report("defaults", base, candidate, rule, "fails", rate);
            assertThat(rate[0]).as("false fails at a true drop of %s over %d repetitions", drop, REPS)
                    .isLessThanOrEqualTo(ALPHA + 3 * seAlarm);
        }
        SimParams worse = dropped(base, 0.12);
        assertThat(tailAccuracy(base) - tailAccuracy(worse)).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
        double[] power = failureRate(base, worse, rule);
        report("defaults", base, worse, rule, "fails", power);
        double sePower = Math.sqrt(0.8 * 0.2 / REPS);
        assertThat(power[0]).as("power at tolerance + 0.10 over %d repetitions", REPS)
                .isGreaterThanOrEqualTo(0.80 - 3 * sePower);

        // the release rule: passing when the drop is at the margin is the error it must keep under alpha
        String release = "tail.accuracy.noninferior <= 0.02";
        double[] atMargin = failureRate(base, dropped(base, 0.02), release);
        report("defaults", base, dropped(base, 0.02), release, "passes", new double[] {1 - atMargin[0], atMargin[1]});
        assertThat(1 - atMargin[0]).as("false passes at the margin").isLessThanOrEqualTo(ALPHA + 3 * seAlarm);

        if (REPS > DEFAULT_REPS) {
            SimParams strong = new SimParams(3.5, 1.5, 0.02, 0.95, 0.6, 7, 0);
            for (double drop : new double[] {0.0, 0.01, 0.02, 0.12}) {
                SimParams candidate = drop == 0 ? strong : dropped(strong, drop);
                report("strong", strong, candidate, rule, "fails", failureRate(strong, candidate, rule));
            }
            double[] unchanged = failureRate(base, base, release);
            report("defaults", base, base, release, "passes", new double[] {1 - unchanged[0], unchanged[1]});
        }
    }

    private static void report(String name, SimParams base, SimParams candidate, String rule, String what,
                               double[] rate) {
        System.out.printf(Locale.ROOT, "gate error rates | %-8s | tail accuracy %.3f -> %.3f (true drop %.3f) | "
                        + "%-34s | reps %d | %s %.4f (SE %.4f) | stated power %.3f%n", name, tailAccuracy(base),
                tailAccuracy(candidate), tailAccuracy(base) - tailAccuracy(candidate), rule, REPS, what, rate[0],
                Math.sqrt(rate[0] * (1 - rate[0]) / REPS), rate[1]);
    }
}
