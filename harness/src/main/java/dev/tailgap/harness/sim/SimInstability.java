package dev.tailgap.harness.sim;

import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.TailgapException;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The synthetic model's share of unstable items per bucket ({@link SimModel#withInstability}). */
public final class SimInstability {
    private SimInstability() {
    }

    /**
     * Each item's probability of being unstable: its bucket's share in {@code shares} (bucket name or alias to a
     * probability in [0, 1]; buckets not named: 0); a usage error for an unknown bucket or a share out of range.
     */
    public static ToDoubleFunction<Item> perBucket(Bucketing bucketing, Map<String, Double> shares) {
        double[] p = new double[bucketing.buckets().size()];
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            int b = bucketing.indexOf(e.getKey()).orElseThrow(() -> TailgapException.usage("--sim-instability: no "
                    + "bucket '" + e.getKey() + "' in " + bucketing.scheme() + " (buckets: " + String.join(", ",
                    bucketing.buckets().stream().map(dev.tailgap.datasets.Bucket::name).toList()) + ")"));
            if (e.getValue() == null || !(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw TailgapException.usage("--sim-instability " + e.getKey() + "=" + e.getValue()
                        + ": a share must be in [0, 1]");
            }
            p[b] = e.getValue();
        }
        return item -> {
            int b = bucketing.assign(item.frequency());
            return b < 0 ? 0 : p[b];
        };
    }
}
