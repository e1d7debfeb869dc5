package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The items an HTML report embeds: all of them when there are at most {@code max}, else a bounded, deterministic
 * sample stratified by bucket and outcome, read in two passes over the {@link ItemSource} so that only the sample is
 * ever held.
 *
 * <p>Contract: every (bucket, outcome) stratum gets an equal share of {@code max}, capped by its size, the share of
 * small strata going to the larger ones (so rare outcomes of the tail are never sampled away); within a stratum the
 * items with the smallest hash of their id are kept, so the same items give the same sample whatever their order.
 * {@link #items()} is in report order ({@link #sort}); {@link #total()} counts every item of the source.
 */
record ItemSample(List<ItemResult> items, long total) {

    /** True when some items were left out. */
    boolean sampled() {
        return items.size() < total;
    }

    static ItemSample of(Report r, ItemSource source, int max) {
        Map<String, long[]> sizes = new TreeMap<>();
        long[] total = {0};
        source.forEach(it -> {
            total[0]++;
            sizes.computeIfAbsent(stratum(it), k -> new long[1])[0]++;
        });
        List<ItemResult> kept = new ArrayList<>((int) Math.min(max, total[0]));
        if (total[0] <= max) {
            source.forEach(kept::add);
            return new ItemSample(sort(r, kept), total[0]);
        }
        Map<String, Integer> quotas = quotas(sizes, max);
        Comparator<ItemResult> byHash = Comparator.comparingLong((ItemResult it) -> hash(it.id()))
                .thenComparing(ItemResult::id);
        Map<String, PriorityQueue<ItemResult>> heaps = new HashMap<>();
        source.forEach(it -> {
            String key = stratum(it);
            int quota = quotas.get(key);
            PriorityQueue<ItemResult> heap = heaps.computeIfAbsent(key, k -> new PriorityQueue<>(byHash.reversed()));
            if (heap.size() < quota) {
                heap.add(it);
            } else if (quota > 0 && byHash.compare(it, heap.peek()) < 0) {
                heap.poll();
                heap.add(it);
            }
        });
        heaps.values().forEach(kept::addAll);
        return new ItemSample(sort(r, kept), total[0]);
    }

    /** Equal shares of {@code max} over the strata, capped by their sizes, the rest spread in stratum order. */
    static Map<String, Integer> quotas(Map<String, long[]> sizes, int max) {
        long[] s = sizes.values().stream().mapToLong(a -> a[0]).sorted().toArray();
        long left = max;
        int quota = max;
        for (int i = 0; i < s.length; i++) {
            long share = left / (s.length - i);
            if (s[i] <= share) {
                left -= s[i];
            } else {
                quota = (int) share;
                break;
            }
        }
        int q = quota;
        long extra = max - Arrays.stream(s).map(n -> Math.min(n, q)).sum();
        Map<String, Integer> out = new HashMap<>();
        for (Map.Entry<String, long[]> e : sizes.entrySet()) {
            long size = e.getValue()[0];
            int give = (int) Math.min(size, q);
            if (size > q && extra > 0) {
                give++;
                extra--;
            }
            out.put(e.getKey(), give);
        }
        return out;
    }

    private static String stratum(ItemResult it) {
        return it.bucket() + '\u0000' + it.outcome().name();
    }

    /** FNV-1a over the id's characters with a 64-bit finaliser: the same on every JVM. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Items in report order: by bucket (head to tail, unknown buckets last by name), descending frequency, id. */
    static List<ItemResult> sort(Report r, List<ItemResult> items) {
        Map<String, Integer> index = bucketIndex(r);
        items.sort(Comparator.comparingInt((ItemResult it) -> index.getOrDefault(it.bucket(), Integer.MAX_VALUE))
                .thenComparing(ItemResult::bucket)
                .thenComparing(Comparator.comparingDouble(ItemResult::frequency).reversed())
                .thenComparing(ItemResult::id));
        return items;
    }

    static Map<String, Integer> bucketIndex(Report r) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < r.buckets().size(); i++) {
            index.putIfAbsent(r.buckets().get(i).name(), i);
        }
        return index;
    }
}
