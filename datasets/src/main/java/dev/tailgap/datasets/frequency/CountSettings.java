package dev.tailgap.datasets.frequency;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a corpus is read: its {@code format}, the JSON field holding the text ({@code textField}, for
 * {@link CorpusFormat#JSONL}), the block size uncompressed line files are cut into, how many threads count (local
 * counts only), and whether bad shards are skipped (reported and left out) instead of stopping the count.
 */
public record CountSettings(CorpusFormat format, String textField, long blockSize, int threads,
                            boolean skipBadShards) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The JSON field read when none is given (Dolma, FineWeb and RedPajama use it). */
    public static final String DEFAULT_TEXT_FIELD = "text";

    /** One document per line, 64 MiB blocks, one thread per core, stop at a bad shard. */
    public static CountSettings defaults() {
        return new CountSettings(CorpusFormat.LINES, DEFAULT_TEXT_FIELD, CorpusUnit.DEFAULT_BLOCK_SIZE,
                Runtime.getRuntime().availableProcessors(), false);
    }

    public CountSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(textField, "textField");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /**
     * Parses a byte size: {@code 65536}, {@code 64k}, {@code 64m}, {@code 1g} (powers of 1024).
     *
     * @throws IllegalArgumentException naming {@code option} when it is not a positive size
     */
    public static long parseBytes(String option, String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + ": expected a positive size such as 65536, 64m or 1g, got \""
                    + s + "\"");
        }
    }

    public CountSettings withFormat(CorpusFormat f) {
        return new CountSettings(f, textField, blockSize, threads, skipBadShards);
    }

    public CountSettings withTextField(String field) {
        return new CountSettings(format, field, blockSize, threads, skipBadShards);
    }

    public CountSettings withBlockSize(long bytes) {
        return new CountSettings(format, textField, bytes, threads, skipBadShards);
    }

    public CountSettings withThreads(int n) {
        return new CountSettings(format, textField, blockSize, n, skipBadShards);
    }

    public CountSettings withSkipBadShards(boolean skip) {
        return new CountSettings(format, textField, blockSize, threads, skip);
    }
}
