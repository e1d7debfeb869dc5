package dev.tailgap.datasets;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Seeded, stratified selection of item indices.
 *
 * <p>Contract: every item gets the rank {@code mix(idHash + mix(seed))} (SplitMix64 mixing; ranks compared as
 * unsigned, ties broken by id hash then index). Each bucket gives a quota of items, its lowest-ranked ones: its size,
 * capped at {@code perBucket}; under a {@code limit} the limit is shared among the buckets in proportion to those
 * capped sizes (largest remainder), so a limited sample is stratified by bucket: every bucket holds its share, not
 * whatever a plain random draw would leave it. The result depends only on the seed, the ids and the bucketing, not on
 * file order; within a bucket whose quota is unchanged, adding items can only displace old items that the new ones
 * out-rank. Items in no bucket ({@link Bucketing#UNBUCKETED}) are never selected. Memory is proportional to the number
 * selected (plus the returned bit set).
 */
public final class Sampler {

    private Sampler() {
    }

    /** The indices of the selected items of {@code dataset}, bucketed by {@code bucketing}. */
    public static BitSet select(Dataset dataset, Bucketing bucketing, SamplingSpec spec) {
        int n = dataset.size();
        BitSet chosen = new BitSet(n);
        if (spec.perBucket() == null && spec.limit() == null) {
            for (int i = 0; i < n; i++) {
                if (bucketing.assign(dataset.frequency(i)) != Bucketing.UNBUCKETED) {
                    chosen.set(i);
                }
            }
            return chosen;
        }
        long salt = Hashing.mix(spec.seed() ^ 0x9e3779b97f4a7c15L);
        int[] quota = quotas(dataset, bucketing, spec);
        TopK[] perBucket = new TopK[quota.length];
        for (int i = 0; i < n; i++) {
            int b = bucketing.assign(dataset.frequency(i));
            if (b == Bucketing.UNBUCKETED || quota[b] == 0) {
                continue;
            }
            if (perBucket[b] == null) {
                perBucket[b] = new TopK(quota[b]);
            }
            perBucket[b].offer(rank(dataset, i, salt), dataset.idHash(i), i);
        }
        for (TopK top : perBucket) {
            if (top != null) {
                top.addTo(chosen);
            }
        }
        return chosen;
    }

    /**
     * How many items each bucket gives: its size capped at {@code perBucket}; then, under a {@code limit} below their
     * sum, the limit split in proportion to those capped sizes by largest remainder (Hamilton's method; equal
     * remainders go to the bucket nearer the head).
     */
    static int[] quotas(Dataset dataset, Bucketing bucketing, SamplingSpec spec) {
        int k = bucketing.buckets().size();
        long[] size = new long[k];
        for (int i = 0; i < dataset.size(); i++) {
            int b = bucketing.assign(dataset.frequency(i));
            if (b != Bucketing.UNBUCKETED) {
                size[b]++;
            }
        }
        int[] quota = new int[k];
        long total = 0;
        for (int b = 0; b < k; b++) {
            quota[b] = (int) (spec.perBucket() == null ? size[b] : Math.min(size[b], spec.perBucket()));
            total += quota[b];
        }
        if (spec.limit() == null || spec.limit() >= total) {
            return quota;
        }
        long limit = spec.limit();
        long given = 0;
        long[] remainder = new long[k];
        for (int b = 0; b < k; b++) {
            long share = limit * quota[b];
            remainder[b] = share % total;
            quota[b] = (int) (share / total);
            given += quota[b];
        }
        for (; given < limit; given++) {
            int best = -1;
            for (int b = 0; b < k; b++) {
                if (remainder[b] > 0 && (best < 0 || remainder[b] > remainder[best])) {
                    best = b;
                }
            }
            quota[best]++;
            remainder[best] = 0;
        }
        return quota;
    }

    private static long rank(Dataset dataset, int index, long salt) {
        return Hashing.mix(dataset.idHash(index) + salt);
    }

    /** Keeps the {@code k} lowest (rank, hash, index) triples in a bounded max-heap of primitives. */
    private static final class TopK {
        private final int k;
        private long[] ranks = new long[16];
        private long[] hashes = new long[16];
        private int[] indices = new int[16];
        private int size;

        TopK(int k) {
            this.k = k;
        }

        void offer(long rank, long hash, int index) {
            if (size < k) {
                if (size == ranks.length) {
                    int cap = (int) Math.min(k, 2L * size);
                    ranks = Arrays.copyOf(ranks, cap);
                    hashes = Arrays.copyOf(hashes, cap);
                    indices = Arrays.copyOf(indices, cap);
                }
                set(size, rank, hash, index);
                siftUp(size++);
            } else if (less(rank, hash, index, 0)) {
                set(0, rank, hash, index);
                siftDown(0);
            }
        }

        void addTo(BitSet out) {
            for (int j = 0; j < size; j++) {
                out.set(indices[j]);
            }
        }

        private boolean less(long rank, long hash, int index, int slot) {
            int c = Long.compareUnsigned(rank, ranks[slot]);
            if (c == 0) {
                c = Long.compare(hash, hashes[slot]);
            }
            return c < 0 || (c == 0 && index < indices[slot]);
        }

        private void set(int slot, long rank, long hash, int index) {
            ranks[slot] = rank;
            hashes[slot] = hash;
            indices[slot] = index;
        }

        private void swap(int a, int b) {
            long r = ranks[a];
            long h = hashes[a];
            int i = indices[a];
            set(a, ranks[b], hashes[b], indices[b]);
            set(b, r, h, i);
        }

        private void siftUp(int slot) {
            while (slot > 0) {
                int parent = (slot - 1) / 2;
                if (!less(ranks[parent], hashes[parent], indices[parent], slot)) {
                    return;
                }
                swap(slot, parent);
                slot = parent;
            }
        }

        private void siftDown(int slot) {
            while (true) {
                int largest = slot;
                for (int child = 2 * slot + 1; child <= 2 * slot + 2 && child < size; child++) {
                    if (less(ranks[largest], hashes[largest], indices[largest], child)) {
                        largest = child;
                    }
                }
                if (largest == slot) {
                    return;
                }
                swap(slot, largest);
                slot = largest;
            }
        }
    }
}
