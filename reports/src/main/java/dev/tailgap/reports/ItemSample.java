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
 * sample stratified by bucket and outcome, chosen in one pass over the {@link ItemSource} (two when the report's counts
 * per bucket and outcome are not those of the items), so that only the sample is ever held.
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
        Map<String, long[]> expected = sizes(r);
        long planned = expected.values().stream().mapToLong(a -> a[0]).sum();
        if (planned <= max) {
            List<ItemResult> all = new ArrayList<>();
            boolean[] over = {false};
            source.forEach(it -> {
                if (all.size() < max) {
                    all.add(it);
                } else {
                    over[0] = true;
                }
            });
            if (!over[0]) {
                return new ItemSample(sort(r, all), all.size());
            }
        } else {
            ItemSample one = pick(r, source, expected, max);
            if (one != null) {
                return one;
            }
        }
        Map<String, long[]> counted = new TreeMap<>();
        source.forEach(it -> counted.computeIfAbsent(stratum(it), k -> new long[1])[0]++);
        return pick(r, source, counted, max);
    }

    /** The report's items per (bucket, outcome): what the item source holds when the report was made from it. */
    private static Map<String, long[]> sizes(Report r) {
        Map<String, long[]> sizes = new TreeMap<>();
        for (BucketStats b : r.buckets()) {
            long[] counts = {b.correct(), b.hallucinated(), b.abstained(), b.errors()};
            Outcome[] outcomes = {Outcome.CORRECT, Outcome.HALLUCINATED, Outcome.ABSTAINED, Outcome.ERROR};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    sizes.computeIfAbsent(b.name() + '\u0000' + outcomes[i].name(), k -> new long[1])[0] += counts[i];
                }
            }
        }
        return sizes;
    }

    /**
     * One pass keeping each stratum's quota of smallest hashes; {@code null} when the strata met differ from
     * {@code sizes} (the report was not made from these items), so that the caller counts them first.
     */
    private static ItemSample pick(Report r, ItemSource source, Map<String, long[]> sizes, int max) {
        Map<String, Integer> quotas = quotas(sizes, max);
        Comparator<ItemResult> byHash = Comparator.comparingLong((ItemResult it) -> hash(it.id()))
                .thenComparing(ItemResult::id);
        Map<String, PriorityQueue<ItemResult>> heaps = new HashMap<>();
        Map<String, long[]> met = new HashMap<>();
        boolean[] strange = {false};
        source.forEach(it -> {
            String key = stratum(it);
            met.computeIfAbsent(key, k -> new long[1])[0]++;
            Integer quota = quotas.get(key);
            if (quota == null) {
                strange[0] = true;
                return;
            }
            PriorityQueue<ItemResult> heap = heaps.computeIfAbsent(key, k -> new PriorityQueue<>(byHash.reversed()));
            if (heap.size() < quota) {
                heap.add(it);
            } else if (quota > 0 && byHash.compare(it, heap.peek()) < 0) {
                heap.poll();
                heap.add(it);
            }
        });
        for (Map.Entry<String, long[]> e : sizes.entrySet()) {
            long[] n = met.get(e.getKey());
            strange[0] |= n == null || n[0] != e.getValue()[0];
        }
        if (strange[0]) {
            return null;
        }
        List<ItemResult> kept = new ArrayList<>(max);
        heaps.values().forEach(kept::addAll);
        long total = met.values().stream().mapToLong(a -> a[0]).sum();
        return new ItemSample(sort(r, kept), total);
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
