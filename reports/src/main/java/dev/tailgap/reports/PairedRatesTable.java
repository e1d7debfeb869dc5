package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Comparison.PairedRate;
import dev.tailgap.reports.Phrases.Style;
import java.io.IOException;
import java.util.List;

/**
 * The paired change of the hallucination (H) and abstention (M) rates per bucket of one run against the baseline
 * ({@link PairedRate}), in Markdown, HTML and JSON; nothing when the comparison has none.
 */
final class PairedRatesTable {
    static final String NOTE = "\u0394 H and \u0394 M: the other run's hallucination and abstention rates minus the "
            + "baseline's on the items both scored (Newcombe paired 95% interval), exact McNemar p-values "
            + "Holm-adjusted across the buckets.";

    private PairedRatesTable() {
    }

    static String markdown(PairedComparison p) {
        if (p.hallucination().isEmpty()) {
            return "";
        }
        Style s = Style.MARKDOWN;
        TextTable t = new TextTable("Bucket", ">Pairs", ">\u0394 H (95% CI)", ">p (Holm)", ">\u0394 M (95% CI)",
                ">p (Holm)");
        for (int i = 0; i < p.hallucination().size(); i++) {
            PairedRate h = p.hallucination().get(i);
            PairedRate m = p.abstention().get(i);
            t.row(MarkdownReport.escape(h.bucket()), Numbers.count(h.pairs()),
                    bold(ComparisonText.delta(h.difference(), s), h.significant()),
                    bold(Numbers.p(h.adjustedP()), h.significant()),
                    bold(ComparisonText.delta(m.difference(), s), m.significant()),
                    bold(Numbers.p(m.adjustedP()), m.significant()));
        }
        return t.markdown() + '\n' + NOTE + "\n\n";
    }

    static void html(StringBuilder sb, PairedComparison p) {
        if (p.hallucination().isEmpty()) {
            return;
        }
        Style s = Style.HTML;
        sb.append("<div class=\"scroll\"><table>\n<thead><tr><th>Bucket</th><th class=\"num\">Pairs</th>")
                .append("<th class=\"num\">\u0394 H (95% CI)</th><th class=\"num\">p (Holm)</th>")
                .append("<th class=\"num\">\u0394 M (95% CI)</th><th class=\"num\">p (Holm)</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int i = 0; i < p.hallucination().size(); i++) {
            PairedRate h = p.hallucination().get(i);
            PairedRate m = p.abstention().get(i);
            sb.append("<tr><td>").append(Html.text(Phrases.plain(h.bucket()))).append("</td>");
            cell(sb, Numbers.count(h.pairs()));
            cell(sb, ComparisonText.delta(h.difference(), s) + (h.significant() ? " *" : ""));
            cell(sb, Numbers.p(h.adjustedP()));
            cell(sb, ComparisonText.delta(m.difference(), s) + (m.significant() ? " *" : ""));
            cell(sb, Numbers.p(m.adjustedP()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n<p class=\"note\">").append(Html.text(NOTE + " * significant."))
                .append("</p>\n");
    }

    static void json(JsonGenerator g, PairedComparison p) throws IOException {
        if (p.hallucination().isEmpty()) {
            return;
        }
        rows(g, "hallucination", p.hallucination());
        rows(g, "abstention", p.abstention());
    }

    private static void rows(JsonGenerator g, String name, List<PairedRate> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (PairedRate r : rows) {
            g.writeStartObject();
            g.writeStringField("bucket", r.bucket());
            g.writeNumberField("pairs", r.pairs());
            g.writeNumberField("baselineOnly", r.baselineOnly());
            g.writeNumberField("otherOnly", r.otherOnly());
            JsonReport.writeEstimate(g, "difference", r.difference(), name + "." + r.bucket());
            ComparisonJson.p(g, "pValue", r.pValue());
            ComparisonJson.p(g, "adjustedP", r.adjustedP());
            g.writeBooleanField("significant", r.significant());
            g.writeEndObject();
        }
        g.writeEndArray();
    }


    private static void cell(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(Html.text(text)).append("</td>");
    }

    private static String bold(String text, boolean on) {
        return on ? "**" + text + "**" : text;
    }
}
