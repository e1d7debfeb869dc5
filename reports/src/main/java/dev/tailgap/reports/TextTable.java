package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.List;

/** A table of pre-formatted cells, laid out as a padded Markdown table or as fixed-width plain text. */
final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Boolean> ruleBefore = new ArrayList<>();

    /** Columns as header names; a name starting with '>' is right-aligned (the '>' is not shown). */
    TextTable(String... columns) {
        headers = new String[columns.length];
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            headers[i] = right[i] ? columns[i].substring(1) : columns[i];
        }
    }

    TextTable row(String... cells) {
        return add(false, cells);
    }

    /** A row set off by a rule (plain text only), e.g. a totals row. */
    TextTable ruledRow(String... cells) {
        return add(true, cells);
    }

    private TextTable add(boolean rule, String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        ruleBefore.add(rule);
        return this;
    }

    private int[] widths(int minimum) {
        int[] w = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            w[i] = Math.max(minimum, width(headers[i]));
            for (String[] row : rows) {
                w[i] = Math.max(w[i], width(row[i]));
            }
        }
        return w;
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - width(s)));
        return right ? fill + s : s + fill;
    }

    /** A GitHub-flavoured Markdown table, cells padded so the source lines up. Cells must already be escaped. */
    String markdown() {
        int[] w = widths(2);
        StringBuilder sb = new StringBuilder();
        line(sb, headers, w, "| ", " | ", " |");
        sb.append('|');
        for (int i = 0; i < w.length; i++) {
            sb.append(right[i] ? "-".repeat(w[i] + 1) + ":" : ":" + "-".repeat(w[i] + 1)).append('|');
        }
        sb.append('\n');
        for (String[] row : rows) {
            line(sb, row, w, "| ", " | ", " |");
        }
        return sb.toString();
    }

    /** Fixed-width columns separated by two spaces, a dashed rule under the header and before ruled rows. */
    String plain() {
        int[] w = widths(1);
        StringBuilder sb = new StringBuilder();
        line(sb, headers, w, "", "  ", "");
        String[] dashes = new String[w.length];
        for (int i = 0; i < w.length; i++) {
            dashes[i] = "-".repeat(w[i]);
        }
        line(sb, dashes, w, "", "  ", "");
        for (int r = 0; r < rows.size(); r++) {
            if (ruleBefore.get(r)) {
                line(sb, dashes, w, "", "  ", "");
            }
            line(sb, rows.get(r), w, "", "  ", "");
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] w, String open, String sep, String close) {
        StringBuilder l = new StringBuilder(open);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                l.append(sep);
            }
            l.append(pad(cells[i], w[i], right[i]));
        }
        l.append(close);
        int end = l.length();
        while (end > 0 && l.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(l, 0, end).append('\n');
    }
}
