package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/**
 * The words of all patterns, each with a dense id, found by an open-addressing hash over a range of a character array
 * (no allocation per lookup). Built single-threaded, read by many threads once built.
 */
final class Vocabulary {
    private int[] table = new int[1024];
    private char[][] words = new char[256][];
    private int[] hashes = new int[256];
    private int size;

    Vocabulary() {
        Arrays.fill(table, -1);
    }

    int size() {
        return size;
    }

    /** The id of {@code b[from, to)}, or -1 when it is not a pattern word. */
    int find(char[] b, int from, int to) {
        int h = hash(b, from, to);
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && same(words[id], b, from, to)) {
                return id;
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
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        id = size++;
        words[id] = Arrays.copyOfRange(b, from, to);
        hashes[id] = hash(b, from, to);
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            insert(id);
        }
        return id;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        Arrays.fill(table, -1);
        for (int id = 0; id < size; id++) {
            insert(id);
        }
    }

    private void insert(int id) {
        int mask = table.length - 1;
        int slot = hashes[id] & mask;
        while (table[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id;
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
        return h;
    }
}
