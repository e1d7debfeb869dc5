package dev.tailgap.harness.engine;

import dev.tailgap.datasets.Dataset;
import java.util.Arrays;

/**
 * The ids of items an earlier attempt finished, as a sorted array of 64-bit hashes: 8 bytes an item, so a resume of a
 * million-item run stays small. Add everything, {@link #seal()}, then query.
 */
final class DoneIds {
    private long[] hashes = new long[16];
    private int size;
    private boolean sealed;

    void add(String id) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash(id);
    }

    void seal() {
        hashes = Arrays.copyOf(hashes, size);
        Arrays.sort(hashes);
        sealed = true;
    }

    boolean contains(String id) {
        return size > 0 && Arrays.binarySearch(hashes, hash(id)) >= 0;
    }

    private static long hash(String id) {
        return Dataset.hashId(id);
    }
}
