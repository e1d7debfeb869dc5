package dev.tailgap.harness.browser;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Synthetic item results for the browser tests, streamed so that a million of them are never held. */
final class SyntheticItems {
    private SyntheticItems() {
    }

    /** {@code n} synthetic items generated afresh on every pass (nothing held), as a run's item log streams. */
    static ItemSource synthetic(int n, long seed) {
        return action -> {
            Random rnd = new Random(seed);
            for (int i = 0; i < n; i++) {
                action.accept(syntheticItem(rnd, i));
            }
        };
    }

    /** The items bucketed by log10 decade with edges from all of them. */
    static ItemSource bucketed(ItemSource items) {
        java.util.stream.DoubleStream.Builder freqs = java.util.stream.DoubleStream.builder();
        items.forEach(r -> freqs.add(r.frequency()));
        Bucketing bucketing = BucketScheme.parse("log10").apply(freqs.build().toArray());
        return action -> items.forEach(r -> action.accept(new ItemResult(r.id(), r.question(), r.answers(),
                r.concept(), r.relation(), r.frequency(), bucketing.buckets().get(bucketing.assign(r.frequency()))
                .name(), r.rawAnswer(), r.extracted(), r.outcome(), r.error(), r.latencyMs(), r.promptTokens(),
                r.completionTokens())));
    }

    /** The report of bucketed items, aggregated in one pass as a run aggregates. */
    static Report streamedReport(ItemSource items, DatasetRef dataset) {
        java.util.stream.DoubleStream.Builder freqs = java.util.stream.DoubleStream.builder();
        items.forEach(r -> freqs.add(r.frequency()));
        Aggregator agg = new Aggregator(BucketScheme.parse("log10").apply(freqs.build().toArray()));
        items.forEach(agg::add);
        return agg.report("tailgap test", dataset, Map.of("model", "synthetic:large"), 30);
    }

    static long countNeedles(ItemSource items) {
        long[] n = {0};
        items.forEach(i -> n[0] += i.question().contains("needle") ? 1 : 0);
        return n[0];
    }

    /** Item {@code i}: log-uniform frequency, four relations and accuracy rising with log frequency. */
    static ItemResult syntheticItem(Random rnd, int i) {
        String[] relations = {"occupation", "place of birth", "country", "author"};
        double log = rnd.nextDouble() * 7;
        double p = 0.05 + 0.9 / (1 + Math.exp(-1.4 * (log - 4)));
        Outcome o = rnd.nextDouble() < p ? Outcome.CORRECT
                : rnd.nextDouble() < 0.6 ? Outcome.HALLUCINATED : Outcome.ABSTAINED;
        String gold = "Answer " + Integer.toString(i, 36);
        String answer = o == Outcome.CORRECT ? gold : o == Outcome.ABSTAINED ? "unsure" : "Wrong " + (i * 7 % 101);
        String question = "What is the " + relations[i % 4] + " of concept #" + i + (i % 97 == 0 ? " needle" : "")
                + "?";
        return new ItemResult("syn:" + i, question, List.of(gold, gold.toLowerCase(Locale.ROOT)), "concept " + i,
                relations[i % 4], Math.floor(Math.pow(10, log)), "x", answer, answer, o, null, 12, 20, 3);
    }
}
