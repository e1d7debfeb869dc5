package dev.tailgap.datasets.frequency;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file of a corpus: its path as given or listed (a local path, or a Hadoop URI under Spark), its size in bytes
 * and its last-modified time in milliseconds (part of a count's identity, so a changed file is not resumed).
 */
public record CorpusFile(String path, long size, long modified) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CorpusFile {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException(path + ": negative size");
        }
    }
}
