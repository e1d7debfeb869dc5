package dev.tailgap.reports;

import java.util.List;

/**
 * Inline SVG charts, drawn in Java so that a report is one deterministic file that shows its charts without running
 * any script: accuracy against frequency on a log axis (one or more series, each with Wilson error bars and its
 * log-linear fit) and 100%-stacked outcome bars. Every mark carries a {@code <title>} tooltip; colours come from the
 * page's CSS classes. All text is escaped.
 */
final class Charts {
    private static final int W = 720;

    private Charts() {
    }

    /** One model's accuracy per decade and its fit; {@code color} picks the CSS class {@code c0..c5}. */
    record Series(String label, List<DecadePoint> points, Slope slope, int color) {
    }

    /**
     * One bar: a label, a note under it, and the outcome counts over {@code n} scored items; a {@code small} bar (too
     * few items for a precise share) is drawn faded and hatched, its label marked {@code †}.
     */
    record Bar(String label, String note, int n, int correct, int hallucinated, int abstained, boolean small) {
    }

    /** Accuracy against log10(frequency); a single series draws its fit in the accent colour. */
    static String frequency(String id, List<Series> series) {
        int h = 380;
        int ml = 58;
        int mr = 20;
        int mt = series.size() > 1 ? 44 : 36;
        int mb = 52;
        double pw = W - ml - mr;
        double ph = h - mt - mb;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Series s : series) {
            for (DecadePoint p : s.points()) {
                lo = Math.min(lo, p.decade());
                hi = Math.max(hi, p.decade() + 1);
            }
        }
        StringBuilder sb = open(id, h, "Accuracy against concept frequency");
        if (lo > hi) {
            sb.append(textAt(W / 2.0, h / 2.0, "middle", "", "No scored item has a frequency above 0."));
            return sb.append("</svg>\n").toString();
        }
        final int xlo = lo;
        final int xhi = hi;
        java.util.function.DoubleUnaryOperator x = v -> ml + (v - xlo) / (xhi - xlo) * pw;
        java.util.function.DoubleUnaryOperator y = p -> mt + (1 - p) * ph;

        for (int pct = 0; pct <= 100; pct += 25) {
            double yy = y.applyAsDouble(pct / 100.0);
            sb.append(line(ml, yy, W - mr, yy, "grid"));
            sb.append(textAt(ml - 8, yy + 4, "end", "", pct + "%"));
        }
        for (int k = xlo; k <= xhi; k++) {
            double xx = x.applyAsDouble(k);
            sb.append(line(xx, mt, xx, mt + ph, "grid"));
            sb.append(textAt(xx, mt + ph + 18, "middle", "", Numbers.compact(Math.pow(10, k))));
        }
        sb.append(line(ml, mt + ph, W - mr, mt + ph, "axis"));
        sb.append(textAt(ml + pw / 2, h - 10, "middle", "axis-title", "Concept frequency (log scale)"));
        sb.append("<text class=\"axis-title\" transform=\"translate(14 ").append(f(mt + ph / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">Accuracy</text>\n");
        sb.append("<defs><clipPath id=\"").append(id).append("-clip\"><rect x=\"").append(ml).append("\" y=\"")
                .append(mt).append("\" width=\"").append(f(pw)).append("\" height=\"").append(f(ph))
                .append("\"/></clipPath></defs>\n");

        boolean single = series.size() == 1;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String c = "c" + (s.color() % 6);
            Slope sl = s.slope();
            if (sl != null && Double.isFinite(sl.perDecade()) && Double.isFinite(sl.intercept())) {
                sb.append("<line class=\"fit ").append(single ? "single" : c).append("\" clip-path=\"url(#")
                        .append(id).append("-clip)\"").append(coords(x.applyAsDouble(xlo),
                                y.applyAsDouble(sl.intercept() + sl.perDecade() * xlo), x.applyAsDouble(xhi),
                                y.applyAsDouble(sl.intercept() + sl.perDecade() * xhi)))
                        .append("><title>").append(Html.text((single ? "" : s.label() + ": ") + "log-linear fit, "
                                + Numbers.signedPct(sl.perDecade()) + " points per decade"))
                        .append("</title></line>\n");
            }
            double offset = single ? 0 : (i - (series.size() - 1) / 2.0) * 5;
            for (DecadePoint p : s.points()) {
                Estimate a = p.accuracy();
                if (a == null || !a.defined()) {
                    continue;
                }
                double cx = x.applyAsDouble(p.meanLog10()) + offset;
                String tip = (single ? "" : s.label() + ": ") + Numbers.compact(Math.pow(10, p.decade())) + "\u2013"
                        + Numbers.compact(Math.pow(10, p.decade() + 1)) + ": " + Numbers.pct(a.value()) + "% ("
                        + Numbers.pct(a.lower()) + "\u2013" + Numbers.pct(a.upper()) + "), " + Numbers.count(p.correct())
                        + " of " + Numbers.count(p.n()) + " correct";
                sb.append("<g class=\"point\" data-series=\"").append(i).append("\"><title>").append(Html.text(tip))
                        .append("</title>");
                double top = y.applyAsDouble(a.upper());
                double bottom = y.applyAsDouble(a.lower());
                sb.append(line(cx, top, cx, bottom, "err " + c));
                sb.append(line(cx - 4, top, cx + 4, top, "err " + c));
                sb.append(line(cx - 4, bottom, cx + 4, bottom, "err " + c));
                sb.append("<circle class=\"pt ").append(c).append("\" cx=\"").append(f(cx)).append("\" cy=\"")
                        .append(f(y.applyAsDouble(a.value()))).append("\" r=\"5\"/></g>\n");
            }
        }
        // legend
        if (single) {
            double lx = ml;
            sb.append("<circle class=\"pt c0\" cx=\"").append(f(lx + 5)).append("\" cy=\"16\" r=\"5\"/>");
            sb.append(textAt(lx + 16, 20, "start", "legend-text", "accuracy per decade, 95% Wilson interval"));
            sb.append(line(lx + 300, 16, lx + 328, 16, "fit single"));
            sb.append(textAt(lx + 336, 20, "start", "legend-text", "log-linear fit over items"));
        } else {
            double lx = ml;
            double ly = 16;
            for (int i = 0; i < series.size(); i++) {
                String label = series.get(i).label();
                String shown = middle(Phrases.plain(label), 36);
                double width = 24 + 7.2 * shown.length();
                if (lx + width > W - mr && lx > ml) {
                    lx = ml;
                    ly += 18;
                }
                String c = "c" + (series.get(i).color() % 6);
                sb.append("<circle class=\"pt ").append(c).append("\" cx=\"").append(f(lx + 5)).append("\" cy=\"")
                        .append(f(ly)).append("\" r=\"5\"/>");
                sb.append(textAt(lx + 14, ly + 4, "start", "legend-text", shown));
                lx += width;
            }
        }
        return sb.append("</svg>\n").toString();
    }

    /** Horizontal 100%-stacked bars: correct, hallucinated, abstained, one row per bar. */
    static String stacked(String id, List<Bar> bars, String title) {
        int row = 28;
        int gap = 14;
        int top = 34;
        int labelW = 200;
        int mr = 20;
        int h = top + bars.size() * (row + gap) + 4;
        double bw = W - labelW - mr;
        StringBuilder sb = open(id, h, title);
        if (bars.stream().anyMatch(Bar::small)) {
            sb.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" ")
                    .append("patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                    .append("<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n");
        }
        String[] names = {"correct", "hallucinated", "abstained"};
        double lx = labelW;
        for (String name : names) {
            sb.append("<rect class=\"seg ").append(name).append("\" x=\"").append(f(lx)).append("\" y=\"8\" ")
                    .append("width=\"12\" height=\"12\" rx=\"2\"/>");
            sb.append(textAt(lx + 17, 18, "start", "legend-text", name));
            lx += 30 + 7.5 * name.length() + 12;
        }
        sb.append('\n');
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double yy = top + i * (row + gap);
            sb.append("<g class=\"bar").append(b.small() ? " small" : "").append("\" data-n=\"").append(b.n())
                    .append("\">");
            sb.append(textAt(labelW - 10, yy + 12, "end", "row-label", clip(b.label(), 24) + (b.small() ? " \u2020" : "")));
            sb.append(textAt(labelW - 10, yy + 26, "end", "", b.note()));
            if (b.n() == 0) {
                sb.append("<rect class=\"empty\" x=\"").append(labelW).append("\" y=\"").append(f(yy))
                        .append("\" width=\"").append(f(bw)).append("\" height=\"").append(row).append("\"/>");
                sb.append(textAt(labelW + bw / 2, yy + 18, "middle", "", "no scored items"));
            } else {
                int[] counts = {b.correct(), b.hallucinated(), b.abstained()};
                double xx = labelW;
                for (int k = 0; k < 3; k++) {
                    double share = (double) counts[k] / b.n();
                    double w = share * bw;
                    String pct = Numbers.pct(share) + "%";
                    sb.append("<rect class=\"seg ").append(names[k]).append("\" x=\"").append(f(xx)).append("\" y=\"")
                            .append(f(yy)).append("\" width=\"").append(f(w)).append("\" height=\"").append(row)
                            .append("\"><title>").append(Html.text(b.label() + ": " + names[k] + " "
                                    + Numbers.count(counts[k]) + " of " + Numbers.count(b.n()) + " (" + pct + ")"))
                            .append("</title></rect>");
                    if (w >= 44) {
                        sb.append(textAt(xx + w / 2, yy + 18.5, "middle", k == 2 ? "seg-label dark" : "seg-label",
                                Numbers.fixed(share * 100, 0) + "%"));
                    }
                    xx += w;
                }
                if (b.small()) {
                    sb.append("<rect class=\"hatch\" x=\"").append(labelW).append("\" y=\"").append(f(yy))
                            .append("\" width=\"").append(f(bw)).append("\" height=\"").append(row)
                            .append("\" fill=\"url(#").append(id).append("-hatch)\"><title>")
                            .append(Html.text(b.label() + ": only " + Numbers.count(b.n()) + " scored "
                                    + (b.n() == 1 ? "item" : "items") + ", too few for a precise share"))
                            .append("</title></rect>");
                }
            }
            sb.append("</g>\n");
        }
        return sb.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, int h, String label) {
        return new StringBuilder(4096).append("<svg id=\"").append(id).append("\" class=\"chart\" viewBox=\"0 0 ")
                .append(W).append(' ').append(h).append("\" role=\"img\" aria-label=\"").append(Html.text(label))
                .append("\">\n");
    }

    /** At most {@code max} code points, cut in the middle so that both ends (often what tells runs apart) stay. */
    static String middle(String s, int max) {
        int n = s.codePointCount(0, s.length());
        if (n <= max) {
            return s;
        }
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return s.substring(0, s.offsetByCodePoints(0, head)) + "\u2026" + s.substring(s.offsetByCodePoints(0, n - tail));
    }

    private static String clip(String s, int max) {
        String p = Phrases.plain(s);
        return p.codePointCount(0, p.length()) > max ? p.substring(0, p.offsetByCodePoints(0, max - 1)) + "\u2026" : p;
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\"" + coords(x1, y1, x2, y2) + "/>";
    }

    private static String coords(double x1, double y1, double x2, double y2) {
        return " x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\"";
    }

    private static String textAt(double x, double y, String anchor, String cls, String text) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\""
                + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">" + Html.text(text) + "</text>";
    }

    /** A coordinate with one decimal, locale-independent. */
    static String f(double d) {
        String s = Numbers.fixed(d, 1);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
