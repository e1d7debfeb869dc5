package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/**
 * The words of all patterns, each with a dense id, found by an open-addressing hash over a range of a character array
 * (no allocation per lookup). A slot packs the word's hash and id into one {@code long}, so a word that is not in the
 * vocabulary (most words of a corpus) costs one memory access. Built single-threaded, read by many threads once
 * built.
 */
final class Vocabulary {
    private long[] slots = new long[1024];
    /** One bit per hash value modulo its size, set for every word: most absent words are turned away here. */
    private long[] filter = new long[1 << 6];
    private char[][] words = new char[256][];
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code b[from, to)}, or -1 when it is not a pattern word. */
    int find(char[] b, int from, int to) {
        int h = hash(b, from, to);
        long[] f = filter;
        int bit = (h >>> 7) & ((f.length << 6) - 1);
        if ((f[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        long[] t = slots;
        int mask = t.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            long v = t[slot];
            if (v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == h) {
                int id = (int) v - 1;
                if (same(words[id], b, from, to)) {
                    return id;
                }
            }
        }
    }

    /** The id of {@code b[from, to)}, added if new. */
    int add(char[] b, int from, int to) {
        int id = find(b, from, to);
        if (id >= 0) {
            return id;
        }
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
        }
        id = size++;
        words[id] = Arrays.copyOfRange(b, from, to);
        if (size * 4 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            filter = new long[filter.length * 2];
            for (long v : old) {
                if (v != 0) {
                    insert(v);
                }
            }
        }
        insert(((long) hash(b, from, to) << 32) | (id + 1L));
        return id;
    }

    private void insert(long v) {
        int h = (int) (v >>> 32);
        int bit = (h >>> 7) & ((filter.length << 6) - 1);
        filter[bit >>> 6] |= 1L << bit;
        int mask = slots.length - 1;
        int slot = h & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = v;
    }

    private static boolean same(char[] w, char[] b, int from, int to) {
        if (w.length != to - from) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
