package dev.tailgap.datasets.frequency;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Counts accumulated over part of a corpus, shaped for one {@link ConceptMatcher}: mentions and documents per key,
 * co-occurring documents per target, and the number of documents and text bytes read. {@link #add} merges exactly
 * (sums of integers), so shards may be counted in any order, on any machine, and merged in any order.
 *
 * <p>Not thread-safe: each thread counts into its own instance.
 */
public final class CorpusCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    final long[] mentions;
    final long[] docs;
    final long[] cooccurrence;
    long documents;
    long textBytes;

    CorpusCounts(int keys, int targets) {
        this.mentions = new long[keys];
        this.docs = new long[keys];
        this.cooccurrence = new long[targets];
    }

    /** Mentions of key {@code k}. */
    public long mentions(int key) {
        return mentions[key];
    }

    /** Documents mentioning key {@code k}. */
    public long docs(int key) {
        return docs[key];
    }

    /** Documents mentioning target {@code t}'s concept and one of its answers. */
    public long cooccurrence(int target) {
        return cooccurrence[target];
    }

    /** Documents counted. */
    public long documents() {
        return documents;
    }

    /** UTF-8 bytes of text read (uncompressed), including line ends. */
    public long textBytes() {
        return textBytes;
    }

    /** Adds {@code bytes} of text read to {@link #textBytes()}. */
    public void addTextBytes(long bytes) {
        textBytes += bytes;
    }

    /** Adds {@code other} into this; both must come from the same matcher. Returns this. */
    public CorpusCounts add(CorpusCounts other) {
        if (other.mentions.length != mentions.length || other.cooccurrence.length != cooccurrence.length) {
            throw new IllegalArgumentException("counts of different matchers cannot be merged");
        }
        for (int i = 0; i < mentions.length; i++) {
            mentions[i] += other.mentions[i];
            docs[i] += other.docs[i];
        }
        for (int i = 0; i < cooccurrence.length; i++) {
            cooccurrence[i] += other.cooccurrence[i];
        }
        documents += other.documents;
        textBytes += other.textBytes;
        return this;
    }

    /** Writes the counts (non-zero entries only). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(mentions.length);
        out.writeInt(cooccurrence.length);
        out.writeLong(documents);
        out.writeLong(textBytes);
        writeSparse(out, mentions);
        writeSparse(out, docs);
        writeSparse(out, cooccurrence);
    }

    /** Reads counts written by {@link #write} for {@code matcher}; fails when they were written for another shape. */
    public static CorpusCounts read(DataInput in, ConceptMatcher matcher) throws IOException {
        int keys = in.readInt();
        int targets = in.readInt();
        if (keys != matcher.keyCount() || targets != matcher.targetCount()) {
            throw new IOException("counts of " + keys + " keys and " + targets + " targets do not fit a matcher of "
                    + matcher.keyCount() + " keys and " + matcher.targetCount() + " targets");
        }
        CorpusCounts c = new CorpusCounts(keys, targets);
        c.documents = in.readLong();
        c.textBytes = in.readLong();
        readSparse(in, c.mentions);
        readSparse(in, c.docs);
        readSparse(in, c.cooccurrence);
        return c;
    }

    private static void writeSparse(DataOutput out, long[] values) throws IOException {
        int nonZero = 0;
        for (long v : values) {
            if (v != 0) {
                nonZero++;
            }
        }
        out.writeInt(nonZero);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                out.writeInt(i);
                out.writeLong(values[i]);
            }
        }
    }

    private static void readSparse(DataInput in, long[] values) throws IOException {
        int n = in.readInt();
        for (int j = 0; j < n; j++) {
            int i = in.readInt();
            if (i < 0 || i >= values.length) {
                throw new IOException("count index " + i + " out of range");
            }
            values[i] = in.readLong();
        }
    }
}
