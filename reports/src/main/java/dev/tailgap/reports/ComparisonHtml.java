package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tailgap.reports.Comparison.ComparedRun;
import dev.tailgap.reports.Comparison.Disagreement;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Comparison.RankedRun;
import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Comparison} as one self-contained HTML page without any script (its Content-Security-Policy allows none):
 * the method, the ranking by tail accuracy, an overlay of accuracy against frequency per run (Wilson error bars and
 * each run's log-linear fit), A / H / M per bucket side by side, one paired table per run against the baseline, the
 * disagreeing items and the runs' settings. Same comparison, same bytes; every string from the runs is escaped.
 */
public final class ComparisonHtml {
    private ComparisonHtml() {
    }

    /** The page, ending in a newline. */
    public static String render(Comparison c) {
        Style s = Style.HTML;
        List<ComparedRun> runs = c.runs();
        Report base = runs.get(0).report();
        StringBuilder sb = new StringBuilder(64 * 1024);
        String dataset = Phrases.plain(Phrases.datasetId(c.dataset()));
        Html.head(sb, "tailgap comparison: " + runs.size() + " runs on " + dataset,
                Phrases.plain(c.tool()));
        sb.append("<header>\n<p class=\"eyebrow\">tailgap comparison</p>\n<h1>").append(runs.size())
                .append(" runs <span class=\"on\">on</span> ").append(Html.text(dataset)).append("</h1>\n")
                .append("<p class=\"sub\">baseline ").append(Html.text(Phrases.plain(runs.get(0).label())))
                .append(c.tool() == null ? "" : " \u00b7 " + Html.text(Phrases.plain(c.tool())))
                .append("</p>\n</header>\n<main>\n");

        sb.append("<section id=\"headline\">\n");
        for (PairedComparison p : c.pairs()) {
            sb.append("<p class=\"lede\">").append(Html.text(ComparisonText.verdict(p, s))).append("</p>\n");
            sb.append("<p>").append(Html.text(ComparisonText.gapShift(p, s))).append("</p>\n");
        }
        sb.append("<div class=\"cards\">\n");
        int rank = 1;
        for (RankedRun r : c.ranking()) {
            sb.append("<div class=\"card").append(rank == 1 ? " best" : "").append("\"><div class=\"label\">")
                    .append("#").append(rank++).append(" tail accuracy</div><div class=\"value\">")
                    .append(Html.text(r.tailAccuracy().defined() ? Numbers.pct(r.tailAccuracy().value()) + "%"
                            : s.missing())).append("</div><div class=\"detail\">")
                    .append(Html.text(Phrases.plain(r.label()) + (r.tailAccuracy().defined() ? ", 95% CI "
                            + s.range(Numbers.pct(r.tailAccuracy().lower()), Numbers.pct(r.tailAccuracy().upper()))
                            : ""))).append("</div></div>\n");
        }
        sb.append("</div>\n<p class=\"note\">").append(Html.text(ComparisonText.method(c, s)
                + (c.tail() == null ? "" : " The ranking uses the tail bucket " + s.name(c.tail()) + ".")))
                .append("</p>\n</section>\n");

        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            series.add(new Charts.Series(runs.get(i).label(), runs.get(i).report().points(),
                    runs.get(i).report().slope(), i));
        }
        sb.append("<section id=\"charts\">\n<figure>\n<figcaption>Accuracy against concept frequency, per run ")
                .append("<span class=\"hint\">points per decade with 95% Wilson intervals; dashed: each run's ")
                .append("log-linear fit</span></figcaption>\n").append(Charts.frequency("chart-overlay", series))
                .append("</figure>\n</section>\n");

        sb.append("<section id=\"side-by-side\">\n<h2>Accuracy / hallucination / abstention per bucket</h2>\n")
                .append("<div class=\"scroll\"><table>\n<thead><tr><th>Bucket</th><th>Frequency</th>")
                .append("<th class=\"num\">n</th>");
        for (ComparedRun r : runs) {
            sb.append("<th class=\"num\">").append(Html.text(Phrases.plain(r.label()) + " A / H / M")).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int b = 0; b < base.buckets().size(); b++) {
            BucketStats bs = base.buckets().get(b);
            sb.append("<tr><td>").append(Html.text(Phrases.plain(bs.name()))).append("</td><td>")
                    .append(Html.text(Phrases.range(bs, s))).append("</td><td class=\"num\">")
                    .append(Numbers.count(bs.n())).append("</td>");
            for (ComparedRun r : runs) {
                sb.append("<td class=\"num\">").append(Html.text(ComparisonText.ahm(r.report(), b, bs.n(), s)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n</section>\n");

        for (int i = 0; i < c.pairs().size(); i++) {
            PairedComparison p = c.pairs().get(i);
            sb.append("<section class=\"pair\" id=\"pair-").append(i + 1).append("\">\n<h2>")
                    .append(Html.text(Phrases.plain(p.other()) + " vs " + Phrases.plain(p.baseline())))
                    .append("</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Bucket</th>")
                    .append("<th class=\"num\">Pairs</th><th class=\"num\">Only baseline right</th>")
                    .append("<th class=\"num\">Only other right</th><th class=\"num\">\u0394 accuracy (95% CI)</th>")
                    .append("<th class=\"num\">p</th><th class=\"num\">p (Holm)</th><th></th></tr></thead>\n<tbody>\n");
            for (PairedBucket b : p.buckets()) {
                pairRow(sb, b, false);
            }
            pairRow(sb, p.overall(), true);
            sb.append("</tbody></table></div>\n<p class=\"note\">").append(Html.text(ComparisonText.verdict(p, s)))
                    .append(" Unpaired items (scored by only one of the two runs) are left out of the test.</p>\n");
            PairedRatesTable.html(sb, p);
            sb.append("</section>\n");
        }

        Comparison.Disagreements d = c.disagreements();
        sb.append("<section id=\"disagreements\">\n<h2>Disagreements</h2>\n<p class=\"note\">")
                .append(Html.text(ComparisonText.disagreementSummary(c, s) + (d.total() > d.items().size()
                        ? " Listed: up to " + d.capPerBucket() + " per bucket, by id." : "")))
                .append("</p>\n");
        if (!d.items().isEmpty()) {
            sb.append("<div class=\"scroll\"><table id=\"disagreement-table\">\n<thead><tr><th>Item</th>")
                    .append("<th>Bucket</th><th>Question</th><th>Gold answers</th>");
            for (ComparedRun r : runs) {
                sb.append("<th>").append(Html.text(Phrases.plain(r.label()))).append("</th>");
            }
            sb.append("</tr></thead>\n<tbody>\n");
            for (Disagreement x : d.items()) {
                sb.append("<tr><td class=\"nowrap\">").append(Html.text(x.id())).append("</td><td class=\"nowrap\">")
                        .append(Html.text(x.bucket())).append("</td><td>").append(Html.text(x.question()))
                        .append("</td><td>").append(Html.text(String.join(" | ", x.gold()))).append("</td>");
                for (int i = 0; i < runs.size(); i++) {
                    Outcome o = x.outcomes().get(i);
                    String answer = x.answers().get(i);
                    sb.append("<td><span class=\"badge ").append(o.name()).append("\">")
                            .append(o.name().toLowerCase(Locale.ROOT)).append("</span>");
                    if (answer != null) {
                        sb.append(" <code>").append(Html.text(ComparisonText.shorten(answer, 200))).append("</code>");
                    }
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table></div>\n");
        }
        sb.append("</section>\n");

        sb.append("<section id=\"run\">\n<h2>Runs</h2>\n<dl class=\"meta\">\n");
        sb.append("<dt>Dataset</dt><dd>").append(Html.text(dataset + ", sha256 "
                + (c.dataset().sha256() == null ? "?" : c.dataset().sha256()))).append("</dd>\n");
        for (ComparedRun r : runs) {
            String endpoint = Phrases.setting(r.report(), "endpoint");
            sb.append("<dt>").append(Html.text(Phrases.plain(r.label()))).append("</dt><dd>")
                    .append(Html.text(Phrases.plain(r.run()) + (endpoint == null ? "" : " \u00b7 " + Phrases.plain(endpoint))
                            + " \u00b7 " + Numbers.count(r.report().overall().asked()) + " asked, "
                            + Numbers.count(r.report().overall().errors()) + " errors"))
                    .append("</dd>\n");
        }
        sb.append("</dl>\n</section>\n</main>\n<footer>Written by ").append(Html.text(c.tool() == null ? "tailgap"
                : c.tool())).append(". This page is self-contained: it loads nothing from the network.</footer>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void pairRow(StringBuilder sb, PairedBucket b, boolean total) {
        Style s = Style.HTML;
        sb.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(Html.text(Phrases.plain(b.bucket())))
                .append("</td><td class=\"num\">").append(Numbers.count(b.pairs())).append("</td><td class=\"num\">")
                .append(Numbers.count(b.baselineOnly())).append("</td><td class=\"num\">")
                .append(Numbers.count(b.otherOnly())).append("</td><td class=\"num\">")
                .append(Html.text(ComparisonText.delta(b.difference(), s))).append("</td><td class=\"num\">")
                .append(Html.text(Numbers.p(b.pValue()))).append("</td><td class=\"num\">")
                .append(Html.text(total ? "" : Numbers.p(b.adjustedP()))).append("</td><td>");
        if (b.significant()) {
            sb.append(b.difference().value() > 0 ? "<span class=\"better\">significant \u2191</span>"
                    : "<span class=\"sig\">significant \u2193</span>");
        }
        sb.append("</td></tr>\n");
    }
}
