package dev.tailgap.datasets.frequency;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of counting a corpus: the merged counts, every corpus file with its sha256 (in file order), the units
 * skipped as bad (only with {@link CountSettings#skipBadShards()}; their documents are not counted), the number of
 * units and how many of them were resumed from saved progress.
 */
public record CountResult(CorpusCounts counts, List<FileDigest> files, List<Skipped> skipped, int units,
                          int resumedUnits) {

    public CountResult {
        Objects.requireNonNull(counts, "counts");
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** A corpus file and the sha256 of its raw bytes. */
    public record FileDigest(CorpusFile file, String sha256) {
    }

    /** A unit left out: the one-line problem ({@code PATH: offset N: ...}). */
    public record Skipped(CorpusUnit unit, String problem) {
    }

    /** The total size of the corpus files in bytes. */
    public long corpusBytes() {
        return files.stream().mapToLong(f -> f.file().size()).sum();
    }
}
