package dev.tailgap.reports;

import java.util.List;

import dev.tailgap.reports.Comparison.ComparedRun;
import dev.tailgap.reports.Comparison.Disagreement;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Comparison.RankedRun;
import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Comparison} as GitHub-flavoured Markdown sized for a pull-request comment: the ranking by tail accuracy,
 * A / H / M per bucket side by side, one table per run against the baseline (paired counts, accuracy difference with
 * its 95% interval, exact McNemar p and Holm-adjusted p; significant rows in bold), and the count of disagreeing items
 * with up to {@value #EXAMPLES} examples. Names and model output are escaped or put in code spans.
 */
public final class ComparisonMarkdown {
    /** Disagreeing items shown as examples. */
    public static final int EXAMPLES = 10;

    private ComparisonMarkdown() {
    }

    /** The comparison as Markdown, ending in a newline. */
    public static String render(Comparison c) {
        Style s = Style.MARKDOWN;
        List<ComparedRun> runs = c.runs();
        Report base = runs.get(0).report();
        StringBuilder sb = new StringBuilder();
        sb.append("## tailgap comparison: ").append(runs.size()).append(" runs on ")
                .append(MarkdownReport.code(Phrases.datasetId(c.dataset()))).append("\n\n");
        sb.append(ComparisonText.method(c, s)).append("\n\n");

        if (c.tail() != null) {
            sb.append("**Ranking by tail accuracy** (bucket ").append(MarkdownReport.code(c.tail())).append("):\n\n");
            int rank = 1;
            for (RankedRun r : c.ranking()) {
                sb.append(rank++).append(". ").append(MarkdownReport.code(r.label())).append(" \u2014 ")
                        .append(Phrases.estimate(r.tailAccuracy(), s)).append('\n');
            }
            sb.append('\n');
        }

        sb.append("### Accuracy / hallucination / abstention per bucket\n\n");
        String[] cols = new String[3 + runs.size()];
        cols[0] = "Bucket";
        cols[1] = "Frequency";
        cols[2] = ">n";
        for (int i = 0; i < runs.size(); i++) {
            cols[3 + i] = ">" + MarkdownReport.escape(runs.get(i).label()) + " A / H / M";
        }
        TextTable t = new TextTable(cols);
        for (int b = 0; b < base.buckets().size(); b++) {
            BucketStats bs = base.buckets().get(b);
            String[] row = new String[cols.length];
            row[0] = MarkdownReport.escape(bs.name());
            row[1] = Phrases.range(bs, s);
            row[2] = Numbers.count(bs.n());
            for (int i = 0; i < runs.size(); i++) {
                row[3 + i] = ComparisonText.ahm(runs.get(i).report(), b, bs.n(), s);
            }
            t.row(row);
        }
        sb.append(t.markdown()).append('\n');

        for (PairedComparison p : c.pairs()) {
            sb.append("### ").append(MarkdownReport.code(p.other())).append(" vs ")
                    .append(MarkdownReport.code(p.baseline())).append("\n\n");
            TextTable pt = new TextTable("Bucket", ">Pairs", ">Only baseline right", ">Only other right",
                    ">\u0394 accuracy (95% CI)", ">p", ">p (Holm)");
            for (PairedBucket b : p.buckets()) {
                pt.row(bold(MarkdownReport.escape(b.bucket()), b.significant()), Numbers.count(b.pairs()),
                        Numbers.count(b.baselineOnly()), Numbers.count(b.otherOnly()),
                        bold(ComparisonText.delta(b.difference(), s), b.significant()), Numbers.p(b.pValue()),
                        bold(Numbers.p(b.adjustedP()), b.significant()));
            }
            PairedBucket o = p.overall();
            pt.row("**all**", Numbers.count(o.pairs()), Numbers.count(o.baselineOnly()),
                    Numbers.count(o.otherOnly()), ComparisonText.delta(o.difference(), s), Numbers.p(o.pValue()),
                    "");
            sb.append(pt.markdown()).append('\n');
            sb.append(ComparisonText.verdict(p, s)).append("\n\n");
            sb.append(PairedRatesTable.markdown(p));
            sb.append(ComparisonText.gapShift(p, s)).append("\n\n");
        }

        Comparison.Disagreements d = c.disagreements();
        sb.append("### Disagreements\n\n").append(ComparisonText.disagreementSummary(c, s)).append("\n\n");
        if (!d.items().isEmpty()) {
            String[] dc = new String[3 + runs.size()];
            dc[0] = "Item";
            dc[1] = "Bucket";
            dc[2] = "Question";
            for (int i = 0; i < runs.size(); i++) {
                dc[3 + i] = MarkdownReport.escape(runs.get(i).label());
            }
            TextTable dt = new TextTable(dc);
            for (Disagreement x : ComparisonText.examples(d, EXAMPLES)) {
                String[] row = new String[dc.length];
                row[0] = cellCode(x.id());
                row[1] = MarkdownReport.escape(x.bucket());
                row[2] = MarkdownReport.escape(ComparisonText.shorten(x.question(), 80));
                for (int i = 0; i < runs.size(); i++) {
                    String answer = x.answers().get(i);
                    row[3 + i] = x.outcomes().get(i).name().toLowerCase(java.util.Locale.ROOT)
                            + (answer == null ? "" : ": " + cellCode(ComparisonText.shorten(answer, 40)));
                }
                dt.row(row);
            }
            sb.append(dt.markdown()).append('\n');
        }
        if (c.tool() != null) {
            sb.append("<sub>").append(MarkdownReport.escape(c.tool())).append(", dataset sha256 ")
                    .append(MarkdownReport.code(c.dataset().sha256() == null ? "?" : c.dataset().sha256()
                            .substring(0, Math.min(12, c.dataset().sha256().length())))).append("</sub>\n");
        }
        return sb.toString();
    }

    /** A code span inside a table cell: GFM splits cells at a pipe even inside code, unless it is escaped. */
    private static String cellCode(String text) {
        return MarkdownReport.code(text).replace("|", "\\|");
    }

    private static String bold(String text, boolean on) {
        return on && !text.isEmpty() ? "**" + text + "**" : text;
    }
}
