package dev.tailgap.datasets;

/**
 * Tells, from the first non-blank line of a file that should be JSON Lines, that it is something else (CSV, TSV, a
 * JSON document, Parquet), and what to run instead.
 */
final class OtherFormat {
    private OtherFormat() {
    }

    /** What the file is and the command to import it, or {@code null} when the line may be JSON Lines. */
    static String describe(String name, String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith("{") && !line.equals("{")) {
            return null;
        }
        String file = name == null ? "FILE" : name;
        String table = "use `tailgap datasets import table " + file
                + " --map question=COL,answers=COL,frequency=COL --out DATASET.jsonl`";
        if (line.startsWith("PAR1")) {
            return "this is a Parquet file, not JSON Lines: " + table;
        }
        if (line.startsWith("[") || line.equals("{")) {
            return "this looks like one JSON document (" + (line.startsWith("[") ? "an array" : "an object")
                    + " over several lines), not JSON Lines (one item object per line): " + table;
        }
        char delimiter = DelimitedFormat.sniffDelimiter(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (line.indexOf(delimiter) >= 0) {
            String kind = delimiter == '\t' ? "TSV (tab-separated)" : "CSV (" + DelimitedFormat.name(delimiter)
                    + "-separated)";
            return "this looks like " + kind + " with the header " + ItemCodec.quote(line) + ", not JSON Lines: "
                    + table;
        }
        return null;
    }
}
