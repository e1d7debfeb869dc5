package dev.tailgap.harness.record;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.reports.Outcome;

/**
 * One run's outcome per item, for pairing runs without keeping their results: an open-addressing table from the
 * 64-bit hash of the item's id ({@link Dataset#hashId}) to its bucket, outcome and where its line is in the item log,
 * 20 bytes a slot (about 40 bytes an item). When an id has several lines (an item asked again on resume) the last one
 * wins, as it does in the run's report. Two ids with the same 64-bit hash would be taken for one item; among a million ids the
 * chance is about 3 in 100 million. Used by compare and gate; not thread-safe.
 */
public final class RunOutcomes {
    private static final Outcome[] OUTCOMES = Outcome.values();

    private long[] keys = new long[1024];
    /** {@code (bucket + 2) << 4 | outcome}: never 0 in a used slot, not even for bucket -1. */
    private int[] values = new int[1024];
    private long[] positions = new long[1024];
    private int size;

    /**
     * Records item {@code id} in bucket {@code bucket} (-1: none) as {@code o}, its line at {@code position} of the log
     * (the line's byte offset, or any number that grows along the log); returns false when the id had a line already.
     */
    public boolean put(String id, int bucket, Outcome o, long position) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long key = Dataset.hashId(id);
        int slot = slotOf(keys, values, key);
        boolean fresh = values[slot] == 0;
        if (fresh) {
            size++;
            keys[slot] = key;
        }
        values[slot] = (bucket + 2) << 4 | o.ordinal();
        positions[slot] = position;
        return fresh;
    }

    /** The slot of item {@code id}, or -1 when the run has no line for it. */
    public int find(String id) {
        return find(Dataset.hashId(id));
    }

    /** The slot of the item whose id hash is {@code key}, or -1. */
    public int find(long key) {
        int slot = slotOf(keys, values, key);
        return values[slot] == 0 ? -1 : slot;
    }

    /** The number of slots; used ones are those {@link #used} says. */
    public int capacity() {
        return keys.length;
    }

    public boolean used(int slot) {
        return values[slot] != 0;
    }

    public long key(int slot) {
        return keys[slot];
    }

    /** The item's bucket index, -1 for none. */
    public int bucket(int slot) {
        return (values[slot] >>> 4) - 2;
    }

    public Outcome outcome(int slot) {
        return OUTCOMES[values[slot] & 0xf];
    }

    /** The position of the item's last line in the log, as given to {@link #put}. */
    public long position(int slot) {
        return positions[slot];
    }

    private static int slotOf(long[] keys, int[] values, long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 32) & mask;
        while (values[slot] != 0 && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        long[] oldPositions = positions;
        keys = new long[oldKeys.length * 2];
        values = new int[keys.length];
        positions = new long[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int slot = slotOf(keys, values, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                positions[slot] = oldPositions[i];
            }
        }
    }
}
