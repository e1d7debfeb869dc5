package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/** A growing list of growing int lists, each one int array (no boxing); {@link #toArrays} trims them. */
final class IntLists {
    private static final int[] EMPTY = new int[0];
    private int[][] lists = new int[256][];
    private int[] sizes = new int[256];
    private int count;

    /** Adds an empty list; returns its index. */
    int addList() {
        if (count == lists.length) {
            lists = Arrays.copyOf(lists, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        lists[count] = EMPTY;
        return count++;
    }

    void add(int list, int value) {
        int[] l = lists[list];
        int n = sizes[list];
        if (n == l.length) {
            l = Arrays.copyOf(l, Math.max(2, n * 2));
            lists[list] = l;
        }
        l[n] = value;
        sizes[list] = n + 1;
    }

    int[][] toArrays() {
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = sizes[i] == 0 ? EMPTY : Arrays.copyOf(lists[i], sizes[i]);
        }
        return out;
    }
}
