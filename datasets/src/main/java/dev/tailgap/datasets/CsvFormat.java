package dev.tailgap.datasets;

import java.util.List;

/** Comma-separated (or sniffed: semicolon, pipe) text with a header row; see {@link DelimitedFormat}. */
public final class CsvFormat extends DelimitedFormat {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".csv");
    }

    @Override
    public boolean sniff(byte[] head) {
        return !firstLineUses(head, '\t') && firstLineUses(head, sniffDelimiter(head));
    }

    @Override
    Character defaultDelimiter() {
        return null;
    }
}
