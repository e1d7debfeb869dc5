package dev.tailgap.harness.record;

import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.RunTotals;
import java.util.Arrays;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Adds item results up into {@link RunTotals}: counts and token sums as they come, and the live answers' latencies
 * and first-token times kept (one long each) for their percentiles, computed with Hipparchus' {@link Percentile}
 * under estimation type R_7 (linear interpolation, numpy's default). Not thread-safe: its owner synchronises.
 */
final class TotalsCounter {
    private long items;
    private long live;
    private long cacheHits;
    private long promptTokens;
    private long completionTokens;
    private long tokensUnknown;
    private long[] latencies = new long[64];
    private int nLatencies;
    private long[] firstTokens = new long[16];
    private int nFirstTokens;

    void add(ItemResult r) {
        items++;
        if (r.cached()) {
            cacheHits++;
            return;
        }
        if (r.outcome() == Outcome.ERROR && r.rawAnswer() == null) {
            return; // the endpoint gave no answer: no tokens, and its latency is that of a failure
        }
        live++;
        if (r.promptTokens() < 0 || r.completionTokens() < 0) {
            tokensUnknown++;
        }
        promptTokens += Math.max(0, r.promptTokens());
        completionTokens += Math.max(0, r.completionTokens());
        if (nLatencies == latencies.length) {
            latencies = Arrays.copyOf(latencies, 2 * nLatencies);
        }
        latencies[nLatencies++] = r.latencyMs();
        if (r.firstTokenMs() >= 0) {
            if (nFirstTokens == firstTokens.length) {
                firstTokens = Arrays.copyOf(firstTokens, 2 * nFirstTokens);
            }
            firstTokens[nFirstTokens++] = r.firstTokenMs();
        }
    }

    RunTotals totals() {
        double[] lat = doubles(latencies, nLatencies);
        double[] ftt = doubles(firstTokens, nFirstTokens);
        return new RunTotals(items, live, cacheHits, promptTokens, completionTokens, tokensUnknown,
                percentile(lat, 50), percentile(lat, 95), percentile(lat, 99), nFirstTokens, percentile(ftt, 50));
    }

    private static double[] doubles(long[] values, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The {@code p}-th percentile (R_7), or -1 for no values. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return -1;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
