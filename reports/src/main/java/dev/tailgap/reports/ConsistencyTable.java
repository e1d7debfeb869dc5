package dev.tailgap.reports;

import dev.tailgap.reports.Phrases.Style;

/**
 * The answer-consistency table of a run asked K &gt; 1 times per item ({@link Consistency}), in Markdown and in HTML:
 * per bucket and overall, the items with all K samples scored, the instability with its 95% interval, and the
 * majority-vote accuracy and accuracy at K beside the first sample's accuracy over the same items. Nothing for a run
 * asked once.
 */
final class ConsistencyTable {
    static final String NOTE = "Instability: share of items whose K answers, normalised, do not all agree (every "
            + "abstention counts as one answer). Majority: accuracy of the most frequent answer. Accuracy@K: any of the "
            + "K samples correct. First: the first sample's accuracy over the same items. Items with a failed sample "
            + "are left out.";

    private ConsistencyTable() {
    }

    /** The Markdown section, or "" without repeated samples. */
    static String markdown(Report r) {
        Consistency c = r.consistency();
        if (c == null) {
            return "";
        }
        Style s = Style.MARKDOWN;
        TextTable t = new TextTable("Bucket", ">n", ">Instability (95% CI)", ">Majority", ">Accuracy@" + c.samples(),
                ">First");
        for (Consistency.Row row : c.buckets()) {
            t.row(MarkdownReport.escape(row.name()), Numbers.count(row.n()), Phrases.estimate(row.instability(), s),
                    Phrases.rate(row.majorityAccuracy(), s), Phrases.rate(row.accuracyAtK(), s),
                    Phrases.rate(row.firstAccuracy(), s));
        }
        Consistency.Row o = c.overall();
        t.row("**" + MarkdownReport.escape(o.name()) + "**", Numbers.count(o.n()),
                Phrases.estimate(o.instability(), s), Phrases.rate(o.majorityAccuracy(), s),
                Phrases.rate(o.accuracyAtK(), s), Phrases.rate(o.firstAccuracy(), s));
        return "**Answer consistency** over " + c.samples() + " samples per item\n\n" + t.markdown() + '\n'
                + NOTE + "\n\n";
    }

    /** Appends the HTML section, or nothing without repeated samples. */
    static void html(StringBuilder sb, Report r) {
        Consistency c = r.consistency();
        if (c == null) {
            return;
        }
        sb.append("<section id=\"consistency\">\n<h2>Answer consistency over ").append(c.samples())
                .append(" samples</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Bucket</th>")
                .append("<th class=\"num\">n</th><th class=\"num\">Instability</th><th class=\"num\">Majority</th>")
                .append("<th class=\"num\">Accuracy@").append(c.samples()).append("</th>")
                .append("<th class=\"num\">First</th></tr></thead>\n<tbody>\n");
        for (Consistency.Row row : c.buckets()) {
            row(sb, row, "<tr>");
        }
        row(sb, c.overall(), "<tr class=\"total\">");
        sb.append("</tbody></table></div>\n<p class=\"note\">").append(Html.text(NOTE)).append("</p>\n</section>\n");
    }

    private static void row(StringBuilder sb, Consistency.Row row, String open) {
        Style s = Style.HTML;
        sb.append(open).append("<td>").append(Html.text(Phrases.plain(row.name()))).append("</td>");
        cell(sb, Numbers.count(row.n()));
        cell(sb, Phrases.estimate(row.instability(), s));
        cell(sb, Phrases.rate(row.majorityAccuracy(), s));
        cell(sb, Phrases.rate(row.accuracyAtK(), s));
        cell(sb, Phrases.rate(row.firstAccuracy(), s));
        sb.append("</tr>\n");
    }

    private static void cell(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(Html.text(text)).append("</td>");
    }
}
