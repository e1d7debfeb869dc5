package dev.tailgap.harness.record;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.Consistency;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.SampleAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per bucket, what {@link Consistency} reports of items asked K &gt; 1 times: the items whose K samples were
 * all scored, those whose folded answers ({@link Normalizer#fold}; every abstention one answer) do not all agree,
 * those whose majority answer (ties: the one given first) is correct, those with any correct sample, and those whose
 * first sample is correct. Order-independent; not thread-safe (the {@link Aggregator} holds its lock).
 */
final class ConsistencyTally {
    private static final String ABSTAINED = "\u0000abstained";
    private final long[][] counts; // [bucket][n, unstable, majority, any, first]
    private int samples;

    ConsistencyTally(int buckets) {
        counts = new long[buckets][5];
    }

    void add(int bucket, ItemResult r) {
        List<SampleAnswer> s = r.samples();
        if (s.size() < 2 || s.stream().anyMatch(a -> a.outcome() == Outcome.ERROR)) {
            return;
        }
        samples = Math.max(samples, s.size());
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Outcome> outcomeOf = new HashMap<>();
        List<String> order = new ArrayList<>();
        boolean any = false;
        for (SampleAnswer a : s) {
            String key = a.outcome() == Outcome.ABSTAINED ? ABSTAINED : Normalizer.fold(a.extracted());
            if (votes.merge(key, 1, Integer::sum) == 1) {
                order.add(key);
                outcomeOf.put(key, a.outcome());
            }
            any |= a.outcome() == Outcome.CORRECT;
        }
        String majority = order.get(0);
        for (String k : order) {
            if (votes.get(k) > votes.get(majority)) {
                majority = k;
            }
        }
        long[] c = counts[bucket];
        c[0]++;
        c[1] += votes.size() > 1 ? 1 : 0;
        c[2] += outcomeOf.get(majority) == Outcome.CORRECT ? 1 : 0;
        c[3] += any ? 1 : 0;
        c[4] += s.get(0).outcome() == Outcome.CORRECT ? 1 : 0;
    }

    /** The figures, or {@code null} when no item was asked more than once. */
    Consistency report(Bucketing bucketing) {
        if (samples < 2) {
            return null;
        }
        List<Consistency.Row> rows = new ArrayList<>(counts.length);
        long[] all = new long[5];
        for (int b = 0; b < counts.length; b++) {
            rows.add(row(bucketing.buckets().get(b).name(), counts[b]));
            for (int k = 0; k < all.length; k++) {
                all[k] += counts[b][k];
            }
        }
        return new Consistency(samples, rows, row("all", all));
    }

    private static Consistency.Row row(String name, long[] c) {
        return new Consistency.Row(name, (int) c[0], (int) c[1], Proportions.wilson(c[1], c[0]), (int) c[2],
                Proportions.wilson(c[2], c[0]), (int) c[3], Proportions.wilson(c[3], c[0]), (int) c[4],
                Proportions.wilson(c[4], c[0]));
    }
}
