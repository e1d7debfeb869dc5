package dev.tailgap.datasets;

/**
 * How to read a table: the {@code delimiter} of a delimited file ({@code null}: sniffed from the header line) and
 * whether double quotes enclose fields ({@code quoting}; PopQA's merged TSV has none).
 */
public record TableOptions(Character delimiter, boolean quoting) {

    /** Sniffed delimiter, quoting on. */
    public static TableOptions defaults() {
        return new TableOptions(null, true);
    }

    /**
     * The delimiter named on the command line: one character, or {@code tab}, {@code comma}, {@code semicolon},
     * {@code pipe}.
     */
    public static Character parseDelimiter(String s) throws DatasetException {
        if (s == null) {
            return null;
        }
        switch (s) {
            case "tab", "\\t", "\t":
                return '\t';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "pipe":
                return '|';
            default:
                if (s.length() == 1 && s.charAt(0) != '"' && s.charAt(0) != '\n' && s.charAt(0) != '\r') {
                    return s.charAt(0);
                }
                throw new DatasetException("--delimiter must be one character or tab, comma, semicolon or pipe, got '"
                        + s + "'");
        }
    }
}
