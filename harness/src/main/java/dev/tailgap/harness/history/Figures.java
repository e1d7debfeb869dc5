package dev.tailgap.harness.history;

import dev.tailgap.reports.Estimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the runs commands print figures, times, tags and directories in a terminal: plain ASCII. */
public final class Figures {
    /** Run times: UTC to the minute. */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /** {@code 61.3% [55.0, 67.1]}, or {@code -} when undefined. */
    public static String estimate(Estimate e) {
        if (!e.defined()) {
            return "-";
        }
        String v = pct(e.value()) + "%";
        return Double.isNaN(e.lower()) || Double.isNaN(e.upper()) ? v
                : v + " [" + pct(e.lower()) + ", " + pct(e.upper()) + "]";
    }

    /** {@code 61.3}: a proportion in percent, one decimal, half up. */
    public static String pct(double p) {
        return BigDecimal.valueOf(p).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    public static String when(Instant t) {
        return t == null ? "-" : WHEN.format(t);
    }

    /** {@code k=v k2=v2}, sorted by key. */
    public static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).map(Figures::plain)
                .collect(Collectors.joining(" "));
    }

    /** A directory as short as it can be written: relative to the working directory when under it. */
    public static String dir(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        return dir.startsWith(cwd) && !dir.equals(cwd) ? cwd.relativize(dir).toString() : dir.toString();
    }

    /** Control characters as '?', so that a tag or model name cannot move the cursor or colour a terminal. */
    public static String plain(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    /** Fixed-width columns separated by two spaces, with a dashed rule under the header. */
    public static String table(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            line(sb, rows.get(k), w);
            if (k == 0) {
                String[] rule = new String[w.length];
                for (int i = 0; i < w.length; i++) {
                    rule[i] = "-".repeat(w[i]);
                }
                line(sb, rule, w);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            l.append(i == 0 ? "" : "  ").append(cells[i])
                    .append(" ".repeat(w[i] - cells[i].codePointCount(0, cells[i].length())));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
