package dev.tailgap.datasets.frequency;

import java.util.Locale;

/** How documents are laid out in a corpus file (after decompression). */
public enum CorpusFormat {
    /** One document per line; empty lines are not documents. Files are split into blocks at line ends. */
    LINES,
    /** One document per file. */
    FILE,
    /** JSON Lines, one object per line, the document in a top-level string field (Dolma, FineWeb, RedPajama). */
    JSONL,
    /**
     * Parquet, the document in a string column; read by the Spark job only (with Spark's own Parquet reader), the
     * single-machine count refuses it.
     */
    PARQUET;

    /** The name used on the command line: {@code lines}, {@code file}, {@code jsonl}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #cliName()}. */
    public static CorpusFormat parse(String s) {
        for (CorpusFormat f : values()) {
            if (f.cliName().equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown corpus format \"" + s + "\" (use lines, file, jsonl or parquet)");
    }
}
