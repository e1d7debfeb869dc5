package dev.tailgap.harness.compare;

import dev.tailgap.harness.stats.Holm;
import dev.tailgap.harness.stats.McNemar;
import dev.tailgap.harness.record.RunOutcomes;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.Comparison.PairedRate;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paired change in one outcome's rate (hallucination, abstention) per bucket between a baseline and another run:
 * over the items both scored, the other run's rate minus the baseline's with Newcombe's paired 95% interval
 * ({@link McNemar#pairedDifference}), the exact McNemar p-value of the items with the outcome in only one run, and the
 * p-values Holm-adjusted across the buckets with pairs.
 */
final class PairedRates {
    private PairedRates() {
    }

    /** The rows of {@code outcome}, one per bucket of {@code buckets} (the tables' bucket indexes), paired by id. */
    static List<PairedRate> of(Outcome outcome, List<String> buckets, RunOutcomes base, RunOutcomes other) {
        int m = buckets.size();
        long[][] t = new long[m][4]; // both, baseline only, other only, neither
        for (int slot = 0; slot < base.capacity(); slot++) {
            if (!base.used(slot)) {
                continue;
            }
            int b = base.bucket(slot);
            int match = other.find(base.key(slot));
            if (b < 0 || b >= m || match < 0 || base.outcome(slot) == Outcome.ERROR
                    || other.outcome(match) == Outcome.ERROR) {
                continue;
            }
            boolean hx = base.outcome(slot) == outcome;
            boolean hy = other.outcome(match) == outcome;
            t[b][hx && hy ? 0 : hx ? 1 : hy ? 2 : 3]++;
        }
        double[] raw = new double[m];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            boolean any = t[i][0] + t[i][1] + t[i][2] + t[i][3] > 0;
            raw[i] = any ? McNemar.exactPValue(t[i][1], t[i][2]) : Double.NaN;
            if (any) {
                tested.add(i);
            }
        }
        double[] adjusted = Holm.adjust(tested.stream().mapToDouble(i -> raw[i]).toArray());
        double[] adj = new double[m];
        Arrays.fill(adj, Double.NaN);
        for (int k = 0; k < adjusted.length; k++) {
            adj[tested.get(k)] = adjusted[k];
        }
        List<PairedRate> rows = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            long[] c = t[i];
            rows.add(new PairedRate(buckets.get(i), (int) (c[0] + c[1] + c[2] + c[3]), (int) c[1], (int) c[2],
                    McNemar.pairedDifference(c[0], c[2], c[1], c[3]), raw[i], adj[i], adj[i] < Comparison.ALPHA));
        }
        return rows;
    }
}
