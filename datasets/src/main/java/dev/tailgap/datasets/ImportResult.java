package dev.tailgap.datasets;

/**
 * What an import did: rows {@code read} (data rows, header excluded), items {@code written}, rows
 * {@code filteredOut} by the import's filter, the {@code manifest} written, and the written items' {@code sha256}.
 *
 * <p>Contract: {@code written + filteredOut <= read}, equal for importers (one item per kept row); a builder may fold
 * several rows into one item.
 */
public record ImportResult(long read, long written, long filteredOut, Manifest manifest, String sha256) {
}
