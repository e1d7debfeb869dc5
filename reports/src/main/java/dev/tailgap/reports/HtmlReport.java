package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Report} and its item results as one self-contained HTML page: inline CSS, inline SVG charts and one small
 * inline script, no network access (a Content-Security-Policy allows nothing but that script), so it opens from disk.
 *
 * <p>Order of the page: the head-versus-tail headline in words and numbers with 95% intervals; accuracy against
 * frequency on a log axis (Wilson error bars per decade and the log-linear fit); 100%-stacked correct / hallucinated /
 * abstained bars per bucket (buckets under the minimum size faded and hatched); the bucket table; the breakdown per
 * relation when the run has two or more relations; an item browser (filter by bucket, outcome and relation, text
 * search, 50 rows a page) over every item, or for a run of more than {@link #MAX_ITEMS} items over a stratified sample
 * of that many ({@link ItemSample}), which the page says; and the run's settings ({@link RunSection}).
 *
 * <p>Contract: the same report and the same set of items give the same bytes, whatever the order of the items (they
 * are sorted by bucket, then by descending frequency, then by id) and whatever the default locale. Model output and
 * every other string from the run is untrusted: it is escaped wherever it is written into HTML, and the items travel
 * as JSON in a {@code <script type="application/json">} element with {@code < > &} escaped, which the page's script
 * reads and shows with text nodes only. Model answers longer than {@value #MAX_ANSWER_CHARS} characters are cut there
 * (marked with an ellipsis).
 */
public final class HtmlReport {
    /** Longest model answer (in characters) embedded per item. */
    public static final int MAX_ANSWER_CHARS = 2000;

    /** Items shown per page of the sample browser. */
    public static final int PAGE_SIZE = 50;

    static final String SCRIPT = Html.resource("samples.js");

    private HtmlReport() {
    }

    /** Most items the item browser embeds; a larger run embeds a stratified sample of this many ({@link ItemSample}). */
    public static final int MAX_ITEMS = 10_000;

    /** The page as a string. */
    public static String render(Report r, ItemSource items) {
        StringWriter w = new StringWriter(64 * 1024);
        try {
            write(r, items, List.of(), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /**
     * Writes the page to {@code out} (not closed), with a judge-vs-rule agreement table when {@code agreement} is not
     * empty. Reads {@code items} at most twice and holds at most {@link #MAX_ITEMS} of them.
     */
    public static void write(Report r, ItemSource items, List<JudgeAgreement> agreement, Writer out)
            throws IOException {
        Objects.requireNonNull(r.overall(), "report.overall");
        ItemSample sample = ItemSample.of(r, items, MAX_ITEMS);
        StringBuilder sb = new StringBuilder(64 * 1024);
        String model = r.run().model();
        String dataset = Phrases.datasetId(r.dataset());
        Html.head(sb, "tailgap: " + (model != null ? Phrases.plain(model) + " on " : "") + Phrases.plain(dataset),
                Phrases.plain(r.tool()), SCRIPT);
        sb.append("<header>\n<p class=\"eyebrow\">tailgap report</p>\n<h1>");
        if (model != null) {
            sb.append(Html.text(Phrases.plain(model))).append(" <span class=\"on\">on</span> ");
        }
        sb.append(Html.text(Phrases.plain(dataset))).append("</h1>\n<p class=\"sub\">")
                .append(Html.text(Numbers.count(r.overall().asked()) + " items asked, "
                        + Numbers.count(r.overall().n()) + " scored \u00b7 "
                        + (r.bucketing() == null ? "unknown" : Phrases.plain(r.bucketing())) + " buckets"
                        + (r.tool() == null ? "" : " \u00b7 " + Phrases.plain(r.tool()))))
                .append("</p>\n</header>\n<main>\n");
        integrity(sb, r);
        headline(sb, r);
        charts(sb, r);
        bucketTable(sb, r);
        ConsistencyTable.html(sb, r);
        relations(sb, r);
        AgreementTable.append(sb, agreement);
        ItemBrowser.skeleton(sb, r, sample);
        RunSection.append(sb, r);
        RunMetadataHtml.append(sb, r);
        sb.append("</main>\n<footer>Written by ").append(Html.text(r.tool() == null ? "tailgap" : r.tool()))
                .append(". This page is self-contained: it loads nothing from the network.</footer>\n");
        out.write(sb.toString());
        out.write("<script type=\"application/json\" id=\"tailgap-items\">");
        ItemBrowser.writeItems(out, r, sample.items());
        out.write("</script>\n");
        StringBuilder tail = new StringBuilder();
        Html.script(tail, SCRIPT);
        tail.append("</body>\n</html>\n");
        out.write(tail.toString());
    }

    // --- integrity ---

    private static void integrity(StringBuilder sb, Report r) {
        String banner = r.integrity().incompleteBanner(r.overall().asked());
        List<String> notes = r.integrity().notes(r.overall().asked());
        if (banner == null && notes.isEmpty()) {
            return;
        }
        sb.append("<section id=\"integrity\"").append(banner != null ? " class=\"incomplete\"" : "").append(">\n");
        if (banner != null) {
            sb.append("<p class=\"banner\"><strong>").append(Html.text(banner)).append("</strong></p>\n");
        }
        for (String note : notes) {
            sb.append("<p class=\"note\">").append(Html.text(Phrases.plain(note))).append("</p>\n");
        }
        sb.append("</section>\n");
    }

    // --- headline ---

    private static void headline(StringBuilder sb, Report r) {
        Style s = Style.HTML;
        sb.append("<section id=\"headline\">\n<p class=\"lede\">").append(Html.text(Phrases.headline(r, s)))
                .append("</p>\n<div class=\"cards\">\n");
        Gap gap = r.gap();
        BucketStats head = gap == null || gap.head() == null ? null : r.bucket(gap.head());
        BucketStats tail = gap == null || gap.tail() == null ? null : r.bucket(gap.tail());
        if (tail != null) {
            card(sb, "", "Tail accuracy", rate(tail.accuracy()), bucketNote(tail, s));
        }
        if (head != null) {
            card(sb, "", "Head accuracy", rate(head.accuracy()), bucketNote(head, s));
        }
        if (gap != null && head != null && tail != null) {
            card(sb, " key", "Accuracy gap", points(gap.accuracy()), "head \u2212 tail, " + ci(gap.accuracy()));
            card(sb, "", "Hallucination gap", points(gap.hallucination()),
                    "tail \u2212 head, " + ci(gap.hallucination()));
        }
        Slope sl = r.slope();
        if (sl != null && Double.isFinite(sl.perDecade())) {
            card(sb, "", "Slope", Numbers.signedPct(sl.perDecade()) + " pts", "per decade of frequency, "
                    + ci(new Estimate(sl.perDecade(), sl.lower(), sl.upper())) + " (HC3)"
                    + (Double.isNaN(sl.r2()) ? "" : ", R\u00b2 " + Numbers.fixed(sl.r2(), 2) + " over decade bins"));
        }
        sb.append("</div>\n</section>\n");
    }

    private static void card(StringBuilder sb, String cls, String label, String value, String detail) {
        sb.append("<div class=\"card").append(cls).append("\"><div class=\"label\">").append(Html.text(label))
                .append("</div><div class=\"value\">").append(Html.text(value)).append("</div><div class=\"detail\">")
                .append(Html.text(detail)).append("</div></div>\n");
    }

    private static String bucketNote(BucketStats b, Style s) {
        return (b.accuracy().defined() ? ci(b.accuracy()) + " \u00b7 " : "") + s.name(b.name()) + ", "
                + Phrases.range(b, s) + ", n " + Numbers.count(b.n());
    }

    private static String rate(Estimate e) {
        return e != null && e.defined() ? Numbers.pct(e.value()) + "%" : "\u2014";
    }

    /** A difference in points, always signed ("+75.0 pts", "-3.2 pts"), like the slope card. */
    private static String points(Estimate e) {
        if (e == null || !e.defined()) {
            return "\u2014";
        }
        return Numbers.signedPct(e.value()) + " pts";
    }

    private static String ci(Estimate e) {
        if (e == null || Double.isNaN(e.lower()) || Double.isNaN(e.upper())) {
            return "95% CI n/a";
        }
        return "95% CI " + Style.HTML.range(Numbers.pct(e.lower()), Numbers.pct(e.upper()));
    }

    // --- charts ---

    private static void charts(StringBuilder sb, Report r) {
        sb.append("<section id=\"charts\" class=\"charts\">\n<figure>\n<figcaption>Accuracy against concept frequency")
                .append(" <span class=\"hint\">each point is one decade of frequency; bars are 95% Wilson intervals")
                .append("</span></figcaption>\n")
                .append(Charts.frequency("chart-frequency", List.of(new Charts.Series("accuracy", r.points(),
                        r.slope(), 0))));
        sb.append("<p class=\"note\">").append(Html.text("Slope: " + Phrases.slope(r.slope(), Style.HTML)))
                .append("</p>\n</figure>\n<figure>\n<figcaption>Outcomes per bucket, head to tail")
                .append(" <span class=\"hint\">shares of scored items; endpoint errors are left out</span>")
                .append("</figcaption>\n");
        List<Charts.Bar> bars = new ArrayList<>();
        for (BucketStats b : r.buckets()) {
            bars.add(new Charts.Bar(b.name(), Phrases.range(b, Style.HTML) + " \u00b7 n " + Numbers.count(b.n())
                    + (b.small() ? ", too few" : ""), b.n(), b.correct(), b.hallucinated(), b.abstained(), b.small()));
        }
        sb.append(Charts.stacked("chart-outcomes", bars, "Outcomes per bucket")).append("</figure>\n</section>\n");
    }

    // --- tables ---

    private static void bucketTable(StringBuilder sb, Report r) {
        Style s = Style.HTML;
        sb.append("<section id=\"buckets\">\n<h2>Buckets</h2>\n<div class=\"scroll\"><table>\n<thead><tr>")
                .append("<th>Bucket</th><th>Frequency</th><th class=\"num\">Asked</th><th class=\"num\">n</th>")
                .append("<th class=\"num\">Accuracy</th><th class=\"num\">Hallucination</th>")
                .append("<th class=\"num\">Abstention</th><th class=\"num\">Precision</th>")
                .append("<th class=\"num\">Errors</th></tr></thead>\n<tbody>\n");
        boolean anySmall = false;
        for (BucketStats b : r.buckets()) {
            anySmall |= b.small();
            sb.append("<tr><td>").append(Html.text(Phrases.plain(b.name()) + (b.small() ? " " + s.smallMark() : "")))
                    .append("</td><td>").append(Html.text(Phrases.range(b, s))).append("</td>");
            num(sb, Numbers.count(b.asked()));
            num(sb, Numbers.count(b.n()));
            estimateCell(sb, b.accuracy());
            estimateCell(sb, b.hallucination());
            num(sb, Phrases.rate(b.abstention(), s));
            num(sb, Phrases.rate(b.precision(), s));
            num(sb, Numbers.count(b.errors()));
            sb.append("</tr>\n");
        }
        Totals o = r.overall();
        totalRow(sb, Phrases.allLabel(r), o, s);
        if (r.weighted()) {
            totalRow(sb, Phrases.POOLED_LABEL, r.pooled(), s);
        }
        sb.append("</tbody></table></div>\n<p class=\"note\">");
        if (anySmall) {
            sb.append(Html.text(Phrases.smallNote(r, s))).append("<br>");
        }
        if (r.weighted()) {
            sb.append(Html.text(Phrases.weightedNote(r))).append("<br>");
        }
        sb.append(Html.text(Phrases.LEGEND + " " + Phrases.totals(o))).append("</p>\n</section>\n");
    }

    private static void totalRow(StringBuilder sb, String label, Totals o, Style s) {
        sb.append("<tr class=\"total\"><td>").append(Html.text(label)).append("</td><td></td>");
        num(sb, Numbers.count(o.asked()));
        num(sb, Numbers.count(o.n()));
        estimateCell(sb, o.accuracy());
        estimateCell(sb, o.hallucination());
        num(sb, Phrases.rate(o.abstention(), s));
        num(sb, Phrases.rate(o.precision(), s));
        num(sb, Numbers.count(o.errors()));
        sb.append("</tr>\n");
    }

    private static void num(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(Html.text(text)).append("</td>");
    }

    private static void estimateCell(StringBuilder sb, Estimate e) {
        sb.append("<td class=\"num\">");
        if (e == null || !e.defined()) {
            sb.append("\u2014");
        } else {
            sb.append(Html.text(Numbers.pct(e.value()) + "%"));
            if (!Double.isNaN(e.lower())) {
                sb.append(" <span class=\"ci\">").append(Html.text(Numbers.pct(e.lower()) + "\u2013"
                        + Numbers.pct(e.upper()))).append("</span>");
            }
        }
        sb.append("</td>");
    }

    private static void relations(StringBuilder sb, Report r) {
        if (r.relations().size() < 2) {
            return;
        }
        Style s = Style.HTML;
        sb.append("<section id=\"relations\">\n<h2>By relation</h2>\n<figure>\n");
        List<Charts.Bar> bars = new ArrayList<>();
        for (RelationStats rel : r.relations()) {
            Totals t = rel.overall();
            bars.add(new Charts.Bar(relationName(rel), "n " + Numbers.count(t.n()), t.n(), t.correct(),
                    t.hallucinated(), t.abstained(), false));
        }
        sb.append(Charts.stacked("chart-relations", bars, "Outcomes per relation")).append("</figure>\n");
        sb.append("<div class=\"scroll\"><table class=\"compact\">\n<thead><tr><th>Relation</th><th class=\"num\">n</th>")
                .append("<th class=\"num\">Accuracy</th><th class=\"num\">Hallucination</th>")
                .append("<th class=\"num\">Abstention</th>");
        for (BucketStats b : r.buckets()) {
            sb.append("<th class=\"num\">").append(Html.text("A " + Phrases.plain(b.name()))).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (RelationStats rel : r.relations()) {
            Totals t = rel.overall();
            sb.append("<tr><td>").append(Html.text(relationName(rel))).append("</td>");
            num(sb, Numbers.count(t.n()));
            estimateCell(sb, t.accuracy());
            estimateCell(sb, t.hallucination());
            num(sb, Phrases.rate(t.abstention(), s));
            for (int i = 0; i < r.buckets().size(); i++) {
                Totals cell = i < rel.buckets().size() ? rel.buckets().get(i) : null;
                String text = cell == null ? s.missing() : Phrases.rate(cell.accuracy(), s);
                sb.append("<td class=\"num\"").append(cell == null ? "" : " title=\"n " + cell.n() + "\"").append('>')
                        .append(Html.text(text)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        boolean weighted = r.relations().stream().anyMatch(rel -> rel.pooled() != null);
        sb.append("</tbody></table></div>\n<p class=\"note\">Accuracy per bucket columns: the relation's items in that")
                .append(" bucket (hover for n).").append(weighted ? Html.text(" The run sampled per bucket: a"
                        + " relation's accuracy and hallucination weight its buckets by the relation's items in each"
                        + " bucket of the dataset.") : "").append("</p>\n</section>\n");
    }

    private static String relationName(RelationStats rel) {
        return rel.name() == null ? "(no relation)" : Phrases.plain(rel.name());
    }
}
