package dev.tailgap.datasets;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Seeded, stratified selection of item indices.
 *
 * <p>Contract: every item gets the rank {@code mix(idHash + mix(seed))} (SplitMix64 mixing; ranks compared as
 * unsigned, ties broken by id hash then index). Per bucket the {@code perBucket} lowest-ranked items are kept; then, if
 * {@code limit} is set, the {@code limit} lowest-ranked of those. The result depends only on the seed, the ids and the
 * bucketing, not on file order, and adding items can only displace old items that the new ones out-rank. Items in no
 * bucket ({@link Bucketing#UNBUCKETED}) are never selected. Memory is proportional to the number selected (plus the
 * returned bit set).
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
        if (spec.perBucket() == null) {
            TopK top = new TopK(spec.limit());
            for (int i = 0; i < n; i++) {
                if (bucketing.assign(dataset.frequency(i)) != Bucketing.UNBUCKETED) {
                    top.offer(rank(dataset, i, salt), dataset.idHash(i), i);
                }
            }
            top.addTo(chosen);
            return chosen;
        }
        TopK[] perBucket = new TopK[bucketing.buckets().size()];
        for (int i = 0; i < n; i++) {
            int b = bucketing.assign(dataset.frequency(i));
            if (b == Bucketing.UNBUCKETED) {
                continue;
            }
            if (perBucket[b] == null) {
                perBucket[b] = new TopK(spec.perBucket());
            }
            perBucket[b].offer(rank(dataset, i, salt), dataset.idHash(i), i);
        }
        if (spec.limit() == null) {
            for (TopK top : perBucket) {
                if (top != null) {
                    top.addTo(chosen);
                }
            }
            return chosen;
        }
        TopK overall = new TopK(spec.limit());
        for (TopK top : perBucket) {
            if (top != null) {
                for (int j = 0; j < top.size; j++) {
                    overall.offer(top.ranks[j], top.hashes[j], top.indices[j]);
                }
            }
        }
        overall.addTo(chosen);
        return chosen;
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
