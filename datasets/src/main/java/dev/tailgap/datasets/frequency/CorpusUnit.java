package dev.tailgap.datasets.frequency;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit of counting work: file {@code fileIndex} of the corpus, or the block {@code [start, end)} of it. A block
 * holds the lines that <em>start</em> inside it, so consecutive blocks of a file count every line exactly once.
 * Units are numbered in file order; the number names the unit's saved counts when a count is resumed.
 */
public record CorpusUnit(int index, int fileIndex, CorpusFile file, long start, long end) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The block size used when none is given: 64 MiB. */
    public static final long DEFAULT_BLOCK_SIZE = 64L << 20;

    public CorpusUnit {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad block [" + start + ", " + end + ") of " + file.path());
        }
    }

    /** True when the unit is the whole file. */
    public boolean whole() {
        return start == 0 && end >= file.size();
    }

    /**
     * The units of {@code files}: uncompressed files in a line format are cut into blocks of {@code blockSize}
     * bytes, every other file is one unit.
     */
    public static List<CorpusUnit> plan(List<CorpusFile> files, CorpusFormat format, long blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        List<CorpusUnit> units = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            CorpusFile file = files.get(f);
            boolean split = (format == CorpusFormat.LINES || format == CorpusFormat.JSONL)
                    && Compression.of(file.path()) == Compression.NONE;
            if (!split || file.size() <= blockSize) {
                units.add(new CorpusUnit(units.size(), f, file, 0, file.size()));
                continue;
            }
            for (long s = 0; s < file.size(); s += blockSize) {
                units.add(new CorpusUnit(units.size(), f, file, s, Math.min(file.size(), s + blockSize)));
            }
        }
        return units;
    }
}
