package dev.tailgap.reports;

import java.util.Objects;

import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Report} as plain text for a terminal: a title line, a fixed-width table with the same columns as
 * {@link MarkdownReport} (bucket, frequency range, n, accuracy and hallucination with Wilson 95% intervals,
 * abstention, precision, errors) plus an "all" row, then the head-vs-tail gap, the slope and the totals, each wrapped
 * to {@value #WIDTH} columns.
 *
 * <p>The layout is ASCII with no ANSI escapes (a caller may add colour); names taken from the run are printed with
 * control characters replaced by {@code ?}. Small buckets carry a {@code *} and a footnote.
 */
public final class TerminalTable {
    /** Width that prose lines are wrapped to; the table fits it for bucket names up to about ten characters. */
    public static final int WIDTH = 100;

    private TerminalTable() {
    }

    /** The report as text lines ending in {@code \n}. */
    public static String render(Report r) {
        Objects.requireNonNull(r.overall(), "report.overall");
        Style s = Style.PLAIN;
        StringBuilder sb = new StringBuilder();
        String model = r.run().model();
        sb.append("tailgap: ");
        if (model != null) {
            sb.append(Phrases.plain(model)).append(" on ");
        }
        sb.append(Phrases.plain(Phrases.datasetId(r.dataset())));
        if (r.bucketing() != null) {
            sb.append(" (").append(Phrases.plain(r.bucketing())).append(" buckets)");
        }
        sb.append("\n\n");
        String banner = r.integrity().incompleteBanner(r.overall().asked());
        if (banner != null) {
            wrap(sb, "", "*** " + banner + " ***");
            sb.append('\n');
        }

        TextTable t = new TextTable("Bucket", "Frequency", ">n", ">Accuracy [95% CI]", ">Halluc. [95% CI]",
                ">Abstain", ">Precision", ">Errors");
        boolean anySmall = false;
        for (BucketStats b : r.buckets()) {
            anySmall |= b.small();
            t.row(Phrases.plain(b.name()) + (b.small() ? " " + s.smallMark() : ""), Phrases.range(b, s),
                    Numbers.count(b.n()), Phrases.estimate(b.accuracy(), s), Phrases.estimate(b.hallucination(), s),
                    Phrases.rate(b.abstention(), s), Phrases.rate(b.precision(), s), Numbers.count(b.errors()));
        }
        Totals o = r.overall();
        t.ruledRow(Phrases.allLabel(r), "", Numbers.count(o.n()), Phrases.estimate(o.accuracy(), s),
                Phrases.estimate(o.hallucination(), s), Phrases.rate(o.abstention(), s),
                Phrases.rate(o.precision(), s), Numbers.count(o.errors()));
        if (r.weighted()) {
            Totals p = r.pooled();
            t.row(Phrases.POOLED_LABEL, "", Numbers.count(p.n()), Phrases.estimate(p.accuracy(), s),
                    Phrases.estimate(p.hallucination(), s), Phrases.rate(p.abstention(), s),
                    Phrases.rate(p.precision(), s), Numbers.count(p.errors()));
        }
        sb.append(t.plain()).append('\n');

        wrap(sb, "Gap:    ", Phrases.headline(r, s));
        wrap(sb, "Slope:  ", Phrases.slope(r.slope(), s));
        wrap(sb, "Totals: ", Phrases.totals(o));
        for (String note : r.integrity().notes(o.asked())) {
            wrap(sb, "Note:   ", Phrases.plain(note));
        }
        sb.append('\n');
        if (anySmall) {
            wrap(sb, "", Phrases.smallNote(r, s));
        }
        if (r.weighted()) {
            wrap(sb, "", Phrases.weightedNote(r));
        }
        wrap(sb, "", Phrases.LEGEND);
        return sb.toString();
    }

    /** Appends {@code label + text}, word-wrapped to {@link #WIDTH} with continuation lines indented under the text. */
    static void wrap(StringBuilder sb, String label, String text) {
        int start = sb.length();
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        int lineStart = label.length();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean first = line.length() == lineStart;
            if (!first && TextTable.width(line.toString()) + 1 + TextTable.width(word) > WIDTH) {
                sb.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                first = true;
            }
            if (!first) {
                line.append(' ');
            }
            line.append(word);
        }
        sb.append(line).append('\n');
        for (int i = start; i < sb.length(); i++) {
            if (sb.charAt(i) == '\u00a0') {
                sb.setCharAt(i, ' ');
            }
        }
    }
}
