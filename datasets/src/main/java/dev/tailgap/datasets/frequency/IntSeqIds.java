package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/**
 * Dense ids for int sequences (a pattern's word ids, a key's name ids, an answer set), by open addressing over the
 * sequences themselves: no boxing and no string keys while a matcher of hundreds of thousands of names compiles.
 * Not thread-safe.
 */
final class IntSeqIds {
    private int[] slots = new int[1024];
    private int[][] seqs = new int[256][];
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code seq}, or -1. */
    int find(int[] seq) {
        int mask = slots.length - 1;
        for (int slot = hash(seq) & mask; ; slot = (slot + 1) & mask) {
            int v = slots[slot];
            if (v == 0) {
                return -1;
            }
            if (Arrays.equals(seqs[v - 1], seq)) {
                return v - 1;
            }
        }
    }

    /** The id of {@code seq}, which is added (not copied) if new; ids are 0, 1, 2, ... in order of addition. */
    int add(int[] seq) {
        int id = find(seq);
        if (id >= 0) {
            return id;
        }
        if (size == seqs.length) {
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        id = size++;
        seqs[id] = seq;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int i = 0; i < size; i++) {
                insert(i);
            }
        } else {
            insert(id);
        }
        return id;
    }

    private void insert(int id) {
        int mask = slots.length - 1;
        int slot = hash(seqs[id]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    }

    private static int hash(int[] seq) {
        int h = Arrays.hashCode(seq) * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
