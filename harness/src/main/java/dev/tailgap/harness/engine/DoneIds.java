package dev.tailgap.harness.engine;

import java.nio.charset.StandardCharsets;
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

    /** FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
