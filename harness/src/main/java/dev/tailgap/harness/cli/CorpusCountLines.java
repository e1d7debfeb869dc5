package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.frequency.CorpusCountSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The corpus-count block of {@code tailgap datasets info}: each count's zeros, quantiles and decades. */
final class CorpusCountLines {

    private CorpusCountLines() {
    }

    /** Prints the block when {@code d} was counted in a corpus; nothing otherwise. */
    static void print(Dataset d, PrintWriter out) {
        List<CorpusCountSummary.Distribution> all = CorpusCountSummary.of(d).orElse(List.of());
        if (all.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%ncorpus counts  %10s %12s %8s %8s %8s %8s %8s %10s%n", "items", "zero", "min",
                "p25", "median", "p75", "p90", "max");
        for (CorpusCountSummary.Distribution c : all) {
            out.printf(Locale.ROOT, "  %-12s %,10d %,6d %4.0f%% %,8d %,8d %,8d %,8d %,8d %,10d%n", c.measure().cliName(),
                    c.items(), c.zeros(), 100.0 * c.zeros() / c.items(), c.min(), c.p25(), c.median(), c.p75(),
                    c.p90(), c.max());
        }
        for (CorpusCountSummary.Distribution c : all) {
            StringBuilder b = new StringBuilder();
            long[] dec = c.decades();
            for (int k = 0; k < dec.length; k++) {
                String label = k == 0 ? "0" : k == 1 ? "1-9" : "1e" + (k - 1) + "-1e" + k;
                b.append(String.format(Locale.ROOT, "  %s: %,d", label, dec[k]));
            }
            out.printf(Locale.ROOT, "  %-12s decades%s%n", c.measure().cliName(), b);
        }
    }
}
