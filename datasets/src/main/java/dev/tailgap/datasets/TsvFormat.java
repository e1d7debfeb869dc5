package dev.tailgap.datasets;

import java.util.List;

/** Tab-separated text with a header row; see {@link DelimitedFormat}. */
public final class TsvFormat extends DelimitedFormat {

    @Override
    public String name() {
        return "tsv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".tsv", ".tab");
    }

    @Override
    public boolean sniff(byte[] head) {
        return firstLineUses(head, '\t');
    }

    @Override
    Character defaultDelimiter() {
        return '\t';
    }
}
