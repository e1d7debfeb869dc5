package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The distribution of each corpus count over a counted dataset's items (from their {@code corpus_*} meta): how many
 * items are 0, quantiles, and how many fall in each decade. Empty for a dataset that was never counted.
 */
public final class CorpusCountSummary {

    private CorpusCountSummary() {
    }

    /** One count's distribution; {@code decades[0]} is the number of zeros, {@code decades[k]} of {@code [10^(k-1), 10^k)}. */
    public record Distribution(Measure measure, int items, int zeros, long min, long p25, long median, long p75,
                               long p90, long max, long[] decades) {
    }

    /** The distributions of the counts present in {@code dataset}'s items, in {@link Measure} order. */
    public static Optional<List<Distribution>> of(Dataset dataset) {
        List<List<Long>> values = new ArrayList<>();
        for (int i = 0; i < Measure.values().length; i++) {
            values.add(new ArrayList<>());
        }
        try (Stream<Item> items = dataset.items()) {
            items.forEach(item -> {
                for (Measure m : Measure.values()) {
                    Object v = item.meta().get(m.metaKey());
                    if (v instanceof Number n) {
                        values.get(m.ordinal()).add(n.longValue());
                    }
                }
            });
        }
        List<Distribution> out = new ArrayList<>();
        for (Measure m : Measure.values()) {
            List<Long> v = values.get(m.ordinal());
            if (!v.isEmpty()) {
                out.add(distribution(m, v.stream().mapToLong(Long::longValue).toArray()));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    static Distribution distribution(Measure m, long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int zeros = 0;
        long[] decades = new long[20];
        int top = 0;
        for (long x : s) {
            int d = x == 0 ? 0 : 1 + (int) Math.floor(Math.log10(x));
            while (d > 1 && x < pow10(d - 1)) {
                d--;
            }
            while (x >= pow10(d) && d < 19) {
                d++;
            }
            decades[d]++;
            top = Math.max(top, d);
            zeros += x == 0 ? 1 : 0;
        }
        return new Distribution(m, s.length, zeros, s[0], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75),
                quantile(s, 0.9), s[s.length - 1], Arrays.copyOf(decades, top + 1));
    }

    /** The nearest-rank quantile of sorted values. */
    private static long quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long pow10(int d) {
        long p = 1;
        for (int i = 0; i < d; i++) {
            p *= 10;
        }
        return p;
    }
}
