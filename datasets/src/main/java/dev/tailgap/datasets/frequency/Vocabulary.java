package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/**
 * The words of all patterns, each with a dense id, found by an open-addressing hash over a range of a character array
 * (no allocation per lookup). Words are hashed by the polynomial {@code h = 31 * h + c}; a bit filter indexed by a
 * multiplicative spread of that hash turns most absent words (most words of a corpus) away with one memory access,
 * and only the rest pay for the full mix and the table probe. A slot packs the word's polynomial hash and id into
 * one {@code long}; the words' characters lie end to end in one array, so a probe reads no object header. Built
 * single-threaded, read by many threads once built.
 */
final class Vocabulary {
    private long[] slots = new long[1024];
    /** One bit per {@link #filterBit} value, set for every word: most absent words are turned away here. */
    private long[] filter = new long[1 << 6];
    /** 32 minus the base-2 logarithm of the filter's bits. */
    private int filterShift = 32 - 12;
    /** The characters of word {@code i} are {@code chars[starts[i], starts[i + 1])}. */
    private char[] chars = new char[1024];
    private int[] starts = new int[257];
    private int size;
    private int maxLength;

    int size() {
        return size;
    }

    /** The id of {@code b[from, to)}, or -1 when it is not a pattern word. */
    int find(char[] b, int from, int to) {
        int p = polynomial(b, from, to);
        return mayHold(to - from, p) ? probe(b, null, null, from, to - from, p) : -1;
    }

    /**
     * False when no word of length {@code len} and polynomial hash {@code p} ({@code h = 31 * h + c} over its
     * characters from 0) is in the vocabulary; true when one may be ({@link #findPassed} tells).
     */
    boolean mayHold(int len, int p) {
        if (len > maxLength) {
            return false;
        }
        int bit = filterBit(p, filterShift);
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The id of {@code w[0, len)} of polynomial hash {@code p}, or -1; for a word {@link #mayHold} let through. */
    int findPassed(char[] w, int len, int p) {
        return probe(w, null, null, 0, len, p);
    }

    /**
     * The id of the ASCII word {@code b[from, from + len)} of polynomial hash {@code p} over its folded characters
     * {@code fold[b[i]]}, or -1; for a word {@link #mayHold} let through.
     */
    int findPassedAscii(byte[] b, int from, int len, int p, char[] fold) {
        return probe(null, b, fold, from, len, p);
    }

    /**
     * The id of the word of hash {@code p} and length {@code len} at {@code from} of {@code b}, or (when {@code b} is
     * null) of the ASCII bytes {@code ascii} folded by {@code fold}; -1 when it is not a pattern word.
     */
    private int probe(char[] b, byte[] ascii, char[] fold, int from, int len, int p) {
        long[] t = slots;
        int mask = t.length - 1;
        for (int slot = mix(p) & mask; ; slot = (slot + 1) & mask) {
            long v = t[slot];
            if (v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == p) {
                int id = (int) v - 1;
                int s = starts[id];
                if (starts[id + 1] - s == len && (ascii == null ? same(s, b, from, len) : same(s, ascii, from, len,
                        fold))) {
                    return id;
                }
            }
        }
    }

    private boolean same(int s, byte[] b, int from, int len, char[] fold) {
        char[] c = chars;
        for (int i = 0; i < len; i++) {
            if (c[s + i] != fold[b[from + i]]) {
                return false;
            }
        }
        return true;
    }

    private boolean same(int s, char[] b, int from, int len) {
        char[] c = chars;
        for (int i = 0; i < len; i++) {
            if (c[s + i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int filterBit(int p, int shift) {
        return (p * 0x9E3779B9) >>> shift;
    }

    /** The id of {@code b[from, to)}, added if new. */
    int add(char[] b, int from, int to) {
        int id = find(b, from, to);
        if (id >= 0) {
            return id;
        }
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int s = starts[size];
        if (s + to - from > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(s + to - from, chars.length * 2));
        }
        System.arraycopy(b, from, chars, s, to - from);
        id = size++;
        starts[size] = s + to - from;
        maxLength = Math.max(maxLength, to - from);
        if (size * 4 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            filter = new long[filter.length * 2];
            filterShift--;
            for (long v : old) {
                if (v != 0) {
                    insert(v);
                }
            }
        }
        insert(((long) polynomial(b, from, to) << 32) | (id + 1L));
        return id;
    }

    private void insert(long v) {
        int p = (int) (v >>> 32);
        int bit = filterBit(p, filterShift);
        filter[bit >>> 6] |= 1L << bit;
        int mask = slots.length - 1;
        int slot = mix(p) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = v;
    }

    private static int polynomial(char[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
