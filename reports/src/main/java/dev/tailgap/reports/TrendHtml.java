package dev.tailgap.reports;

import dev.tailgap.reports.Phrases.Style;
import dev.tailgap.reports.Trend.Change;
import dev.tailgap.reports.Trend.Metric;
import dev.tailgap.reports.Trend.Point;
import dev.tailgap.reports.Trend.Step;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Trend} as one self-contained HTML page without any script (its Content-Security-Policy allows none): two
 * inline SVG charts (overall, head and tail accuracy; the gap), each point with its 95% interval as a whisker and a
 * ▲/▼ mark where the change against the previous run is significant, then the table of runs and the list of
 * significant changes. Every point carries its figure ({@code data-value}) and each chart its scale
 * ({@code data-min}, {@code data-max}, {@code data-top}, {@code data-bottom}), so what is drawn can be checked against
 * the runs. Same trend, same bytes; every string from the runs is escaped.
 */
public final class TrendHtml {
    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int BOTTOM = 44;
    /** At most this many run labels under a chart; with more runs every k-th is labelled (each point has a title). */
    static final int MAX_LABELS = 12;
    private static final List<Metric> ACCURACY = List.of(Metric.OVERALL, Metric.HEAD, Metric.TAIL);

    private static final String STYLE = "<style>\n"
            + "svg.trend{width:100%;max-width:" + WIDTH + "px;height:auto;display:block}\n"
            + "svg.trend .axis{stroke:#9aa3ad;stroke-width:1}\n"
            + "svg.trend .grid{stroke:#e3e7eb;stroke-width:1}\n"
            + "svg.trend text{font-size:11px;fill:#4a5560}\n"
            + "svg.trend .ci{stroke-width:1.5;opacity:.55}\n"
            + "svg.trend .line{fill:none;stroke-width:2}\n"
            + ".s-overall{stroke:#5b6b7a;fill:#5b6b7a}\n"
            + ".s-head{stroke:#2b7bb9;fill:#2b7bb9}\n"
            + ".s-tail{stroke:#c2410c;fill:#c2410c}\n"
            + ".s-gap{stroke:#7c3aed;fill:#7c3aed}\n"
            + "svg.trend text.change{font-size:13px;font-weight:700;fill:#b91c1c}\n"
            + "svg.trend text.change.up{fill:#15803d}\n"
            + "tr.significant td.change{font-weight:600}\n"
            + "#runs td.when{white-space:nowrap}\n"
            + "#runs td.tags{min-width:12em;overflow-wrap:anywhere}\n"
            + "</style>\n";

    private TrendHtml() {
    }

    /** The page, ending in a newline. */
    public static String render(Trend t) {
        Style s = Style.HTML;
        StringBuilder sb = new StringBuilder(32 * 1024);
        String title = "tailgap trend: " + Phrases.plain(t.title());
        Html.head(sb, title, Phrases.plain(t.tool()));
        sb.append(STYLE);
        sb.append("<header>\n<p class=\"eyebrow\">tailgap trend</p>\n<h1>").append(Html.text(Phrases.plain(t.title())))
                .append("</h1>\n<p class=\"sub\">").append(t.runs().size()).append(t.runs().size() == 1 ? " run" : " runs")
                .append(t.tool() == null ? "" : " \u00b7 " + Html.text(Phrases.plain(t.tool())))
                .append("</p>\n</header>\n<main>\n");
        sb.append("<section id=\"method\">\n<p class=\"note\">").append(Html.text(TrendMarkdown.method(t)))
                .append("</p>\n</section>\n");

        sb.append("<section id=\"charts\" class=\"charts\">\n<figure>\n<figcaption>Accuracy per run ")
                .append("<span class=\"hint\">overall, head and tail with 95% intervals</span></figcaption>\n");
        chart(sb, "chart-accuracy", t, ACCURACY, 0, 1);
        legend(sb, ACCURACY);
        sb.append("</figure>\n<figure>\n<figcaption>Head-minus-tail accuracy gap per run ")
                .append("<span class=\"hint\">with 95% intervals; above zero the tail is worse</span></figcaption>\n");
        double[] range = gapRange(t);
        chart(sb, "chart-gap", t, List.of(Metric.GAP), range[0], range[1]);
        sb.append("</figure>\n</section>\n");

        sb.append("<section id=\"runs\">\n<h2>Runs</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>#</th>")
                .append("<th>Run</th><th>When</th><th>Model</th><th class=\"num\">n</th><th class=\"num\">Overall</th>")
                .append("<th class=\"num\">Head</th><th class=\"num\">Tail</th><th class=\"num\">Gap</th>")
                .append("<th>Tags</th><th>Change vs previous</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < t.runs().size(); i++) {
            Point p = t.runs().get(i);
            Step step = i == 0 ? null : t.steps().get(i - 1);
            sb.append("<tr data-run=\"").append(i).append('"')
                    .append(step != null && step.significant() ? " class=\"significant\"" : "").append("><td>")
                    .append(i + 1).append("</td><td>").append(text(p.label()))
                    .append(p.complete() ? "" : " <strong class=\"incomplete\">INCOMPLETE</strong>")
                    .append("</td><td class=\"when\">")
                    .append(Html.text(TrendMarkdown.when(p.when(), s))).append("</td><td>").append(text(p.model()))
                    .append("</td><td class=\"num\">").append(Numbers.count(p.n())).append("</td><td class=\"num\">")
                    .append(Html.text(Phrases.estimate(p.overall(), s))).append("</td><td class=\"num\">")
                    .append(figure(p.head(), p.headAccuracy(), s)).append("</td><td class=\"num\">")
                    .append(figure(p.tail(), p.tailAccuracy(), s)).append("</td><td class=\"num\">")
                    .append(Html.text(Phrases.estimate(p.gap(), s))).append("</td><td class=\"tags\">");
            p.tags().forEach((k, v) -> sb.append("<code class=\"tag\">").append(text(k + "=" + v)).append("</code> "));
            sb.append("</td><td class=\"change\">").append(step == null ? s.missing() : changes(step)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n</section>\n");

        sb.append("<section id=\"changes\">\n<h2>Significant changes</h2>\n<ul>\n");
        int listed = 0;
        for (int k = 0; k < t.steps().size(); k++) {
            Step step = t.steps().get(k);
            for (Change c : step.changes()) {
                if (c.significant()) {
                    listed++;
                    sb.append("<li data-step=\"").append(k + 1).append("\" data-metric=\"").append(c.metric().label())
                            .append("\">").append(text(t.runs().get(k).label())).append(" \u2192 ")
                            .append(text(t.runs().get(k + 1).label())).append(": ")
                            .append(Html.text(TrendMarkdown.describe(c, s))).append("</li>\n");
                }
            }
        }
        if (listed == 0) {
            sb.append("<li>None: no run differs significantly from the run before it.</li>\n");
        }
        sb.append("</ul>\n</section>\n");
        java.util.Map<String, List<String>> notes = TrendMarkdown.notes(t);
        if (!notes.isEmpty()) {
            sb.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            notes.forEach((note, runs) -> sb.append("<li>").append(text(String.join(", ", runs))).append(": ")
                    .append(text(note)).append("</li>\n"));
            sb.append("</ul>\n</section>\n");
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String text(String s) {
        return Html.text(s == null ? "" : Phrases.plain(s));
    }

    private static String figure(String bucket, Estimate e, Style s) {
        return bucket == null ? s.missing() : Html.text(Phrases.estimate(e, s)) + " <span class=\"bucket\">"
                + text(bucket) + "</span>";
    }

    private static String changes(Step step) {
        StringBuilder sb = new StringBuilder();
        for (Change c : step.changes()) {
            if (c.significant()) {
                sb.append(sb.length() == 0 ? "" : ", ").append("<strong>").append(c.metric().label()).append(' ')
                        .append(TrendMarkdown.arrow(c)).append(' ')
                        .append(Html.text(TrendMarkdown.points(c.difference().value()))).append("</strong>");
            }
        }
        return sb.length() == 0 ? "no significant change" : sb.toString();
    }

    /** The gap chart's range: at least -10 to +60 points, widened to every interval, in steps of 10 points. */
    static double[] gapRange(Trend t) {
        double lo = -0.1;
        double hi = 0.6;
        for (Point p : t.runs()) {
            Estimate g = p.gap();
            if (g.defined()) {
                lo = Math.min(lo, Double.isNaN(g.lower()) ? g.value() : g.lower());
                hi = Math.max(hi, Double.isNaN(g.upper()) ? g.value() : g.upper());
            }
        }
        return new double[] {Math.floor(lo * 10 - 1e-9) / 10, Math.ceil(hi * 10 + 1e-9) / 10};
    }

    private static double x(int i, int count) {
        double inner = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + inner / 2 : LEFT + inner * i / (count - 1);
    }

    private static double y(double v, double min, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (max - v) / (max - min);
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static void chart(StringBuilder sb, String id, Trend t, List<Metric> metrics, double min, double max) {
        int count = t.runs().size();
        sb.append("<svg id=\"").append(id).append("\" class=\"trend\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" data-min=\"").append(Numbers.json6(min)).append("\" data-max=\"")
                .append(Numbers.json6(max)).append("\" data-top=\"").append(TOP).append("\" data-bottom=\"")
                .append(HEIGHT - BOTTOM).append("\">\n");
        int ticks = (int) Math.round((max - min) * 10);
        int every = ticks > 10 ? 2 : 1;
        for (int k = 0; k <= ticks; k += every) {
            double v = min + k / 10.0;
            double yy = y(v, min, max);
            sb.append("<line class=\"").append(Math.abs(v) < 1e-9 && min < 0 ? "axis" : "grid").append("\" x1=\"")
                    .append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(yy))
                    .append("\" y2=\"").append(f(yy)).append("\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(f(yy + 4)).append("\" text-anchor=\"end\">").append(Math.round(v * 100)).append("%</text>\n");
        }
        sb.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        int labelEvery = Math.max(1, (count + MAX_LABELS - 1) / MAX_LABELS);
        for (int i = 0; i < count; i += labelEvery) {
            sb.append("<text class=\"run\" x=\"").append(f(x(i, count))).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">").append(text(shorten(t.runs().get(i).label()))).append("</text>\n");
        }
        for (Metric m : metrics) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Estimate e = t.runs().get(i).value(m);
                if (e.defined()) {
                    path.append(path.length() == 0 ? "M" : " L").append(f(x(i, count))).append(' ')
                            .append(f(y(e.value(), min, max)));
                }
            }
            if (path.length() > 0) {
                sb.append("<path class=\"line s-").append(m.label()).append("\" d=\"").append(path).append("\"/>\n");
            }
            for (int i = 0; i < count; i++) {
                point(sb, t, m, i, min, max);
            }
        }
        sb.append("</svg>\n");
    }

    private static void point(StringBuilder sb, Trend t, Metric m, int i, double min, double max) {
        Point p = t.runs().get(i);
        Estimate e = p.value(m);
        if (!e.defined()) {
            return;
        }
        double xx = x(i, t.runs().size());
        double yy = y(e.value(), min, max);
        sb.append("<g class=\"point\" data-series=\"").append(m.label()).append("\" data-run=\"").append(i)
                .append("\" data-value=\"").append(Numbers.json6(e.value())).append("\">");
        if (!Double.isNaN(e.lower()) && !Double.isNaN(e.upper())) {
            sb.append("<line class=\"ci s-").append(m.label()).append("\" x1=\"").append(f(xx)).append("\" x2=\"")
                    .append(f(xx)).append("\" y1=\"").append(f(y(e.lower(), min, max))).append("\" y2=\"")
                    .append(f(y(e.upper(), min, max))).append("\"/>");
        }
        sb.append("<circle class=\"pt s-").append(m.label()).append("\" cx=\"").append(f(xx)).append("\" cy=\"")
                .append(f(yy)).append("\" r=\"4\"><title>").append(text(p.label())).append(": ").append(m.label())
                .append(' ').append(Html.text(Phrases.estimate(e, Style.HTML))).append("</title></circle>");
        Change c = i == 0 ? null : t.steps().get(i - 1).change(m);
        if (c != null && c.significant()) {
            boolean up = c.difference().value() > 0;
            sb.append("<text class=\"change").append(up ? " up" : "").append("\" data-step=\"").append(i)
                    .append("\" x=\"").append(f(xx + 7)).append("\" y=\"").append(f(yy + (up ? -6 : 14)))
                    .append("\">").append(TrendMarkdown.arrow(c)).append("<title>")
                    .append(Html.text(TrendMarkdown.describe(c, Style.HTML)))
                    .append("</title></text>");
        }
        sb.append("</g>\n");
    }

    private static void legend(StringBuilder sb, List<Metric> metrics) {
        sb.append("<p class=\"legend\">");
        for (Metric m : metrics) {
            sb.append("<svg width=\"12\" height=\"12\" aria-hidden=\"true\"><circle class=\"s-").append(m.label())
                    .append("\" cx=\"6\" cy=\"6\" r=\"5\"/></svg> ").append(m.label()).append(' ');
        }
        sb.append("</p>\n");
    }

    private static String shorten(String label) {
        String s = label == null ? "" : label;
        return s.codePointCount(0, s.length()) <= 18 ? s : s.substring(0, s.offsetByCodePoints(0, 17)) + "\u2026";
    }
}
