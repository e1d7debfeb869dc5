package dev.tailgap.reports;

import java.util.List;

/** The sentences and cells that the Markdown and terminal renderers share, in two typographic styles. */
final class Phrases {
    private Phrases() {
    }

    /**
     * Typography: Markdown (code spans, en dashes, R²), HTML text (the same typography, names in curly quotes; the
     * caller escapes the whole sentence) or plain ASCII for the terminal.
     */
    enum Style {
        MARKDOWN, HTML, PLAIN;

        /** A name quoted for prose. */
        String name(String s) {
            return switch (this) {
                case MARKDOWN -> MarkdownReport.code(s);
                case HTML -> "\u201c" + Phrases.plain(s) + "\u201d";
                case PLAIN -> "'" + Phrases.plain(s) + "'";
            };
        }

        /** True for the styles with Unicode typography. */
        boolean typeset() {
            return this != PLAIN;
        }

        /** An interval of two formatted numbers. */
        String range(String lo, String hi) {
            boolean negative = lo.startsWith("-") || hi.startsWith("-");
            return typeset() && !negative ? lo + "\u2013" + hi : lo + nbsp() + "to" + nbsp() + hi;
        }

        /** A space that must not break: the terminal's word wrap turns it into a space after wrapping. */
        String nbsp() {
            return switch (this) {
                case MARKDOWN -> " ";
                case HTML, PLAIN -> "\u00a0";
            };
        }

        String r2() {
            return typeset() ? "R\u00b2" : "R^2";
        }

        String missing() {
            return typeset() ? "\u2014" : "-";
        }

        String smallMark() {
            return typeset() ? "\u2020" : "*";
        }
    }

    /** Control characters replaced by '?', so that untrusted names cannot move the cursor or colour a terminal. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append('?');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** {@code name@version}, or whichever of the two is known. */
    static String datasetId(DatasetRef d) {
        if (d == null || d.name() == null) {
            return d != null && d.version() != null ? "unnamed@" + d.version() : "unnamed dataset";
        }
        return d.version() == null ? d.name() : d.name() + "@" + d.version();
    }

    static BucketStats bucket(Report r, String name, boolean first) {
        List<BucketStats> bs = r.buckets();
        for (BucketStats b : bs) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        if (bs.isEmpty()) {
            return null;
        }
        return first ? bs.get(0) : bs.get(bs.size() - 1);
    }

    /** The one-sentence head-versus-tail summary. */
    static String headline(Report r, Style s) {
        Gap gap = r.gap();
        if (gap == null) {
            return "No head-vs-tail gap: the report has fewer than two buckets.";
        }
        if (gap.head() == null || gap.tail() == null) {
            return "No head-vs-tail gap is reported: " + (gap.note() == null ? "there is no head and tail"
                    : plain(gap.note())) + "; the head and the tail are the first and last buckets with at least "
                    + Numbers.count(r.minBucketSize()) + " scored items.";
        }
        BucketStats head = bucket(r, gap.head(), true);
        BucketStats tail = bucket(r, gap.tail(), false);
        Estimate a = gap.accuracy() == null ? Estimate.NONE : gap.accuracy();
        Estimate h = gap.hallucination() == null ? Estimate.NONE : gap.hallucination();
        StringBuilder sb = new StringBuilder();
        boolean levels = head != null && tail != null && defined(head.accuracy()) && defined(tail.accuracy());
        if (a.defined() && levels) {
            sb.append("Tail accuracy").append(label(tail, "tail", s)).append(" is ")
                    .append(Numbers.pct(tail.accuracy().value())).append("% vs ")
                    .append(Numbers.pct(head.accuracy().value())).append("% in the head")
                    .append(label(head, "head", s)).append(": ").append(accuracyGap(a, s));
        } else if (a.defined()) {
            sb.append("Head-minus-tail accuracy: ").append(accuracyGap(a, s));
        } else {
            sb.append("The head-vs-tail accuracy gap is undefined").append(whyUndefined(head, tail, s));
        }
        sb.append("; ").append(hallucinationGap(h, s)).append('.');
        return sb.toString();
    }

    private static boolean defined(Estimate e) {
        return e != null && e.defined();
    }

    private static String label(BucketStats b, String word, Style s) {
        return b.name().equalsIgnoreCase(word) ? "" : " (" + s.name(b.name()) + ")";
    }

    private static String whyUndefined(BucketStats head, BucketStats tail, Style s) {
        boolean headEmpty = head != null && head.n() == 0;
        boolean tailEmpty = tail != null && tail.n() == 0;
        if (headEmpty && tailEmpty) {
            return " (neither the head nor the tail has scored items)";
        }
        if (headEmpty) {
            return " (the head bucket " + s.name(head.name()) + " has no scored items)";
        }
        if (tailEmpty) {
            return " (the tail bucket " + s.name(tail.name()) + " has no scored items)";
        }
        return "";
    }

    private static String accuracyGap(Estimate a, Style s) {
        String shown = Numbers.pct(Math.abs(a.value()));
        if (Numbers.isZero(shown)) {
            return "no gap (" + ci(a.lower(), a.upper(), false, s) + ")";
        }
        if (a.value() > 0) {
            return "a gap of " + shown + " points (" + ci(a.lower(), a.upper(), true, s) + ")";
        }
        return "the tail is ahead by " + shown + " points (" + ci(-a.upper(), -a.lower(), true, s) + ")";
    }

    private static String hallucinationGap(Estimate h, Style s) {
        if (!h.defined()) {
            return "the hallucination gap is undefined";
        }
        String shown = Numbers.pct(Math.abs(h.value()));
        if (Numbers.isZero(shown)) {
            return "hallucination is unchanged (" + ci(h.lower(), h.upper(), false, s) + ")";
        }
        if (h.value() > 0) {
            return "hallucination rises by " + shown + " points (" + ci(h.lower(), h.upper(), true, s) + ")";
        }
        return "hallucination falls by " + shown + " points (" + ci(-h.upper(), -h.lower(), true, s) + ")";
    }

    /** "95% CI lo–hi" in points, noting when an interval of a non-zero difference includes zero. */
    private static String ci(double lo, double hi, boolean noteZero, Style s) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return "95% CI n/a";
        }
        String text = "95%" + s.nbsp() + "CI" + s.nbsp() + s.range(Numbers.pct(lo), Numbers.pct(hi));
        return noteZero && lo <= 0 && hi >= 0 ? text + ", includes zero" : text;
    }

    /** The slope sentence, without a label. */
    static String slope(Slope sl, Style s) {
        if (sl == null) {
            return "not computed.";
        }
        String excluded = Numbers.count(sl.excluded()) + (sl.excluded() == 1 ? " item" : " items")
                + " with frequency 0 left out";
        if (Double.isNaN(sl.perDecade())) {
            String why = sl.note() != null ? plain(sl.note())
                    : "it needs at least three scored items at two or more distinct frequencies above 0";
            return "undefined (" + why + (sl.excluded() > 0 ? "; " + excluded : "") + ").";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Numbers.signedPct(sl.perDecade())).append(" points of accuracy per decade of frequency (")
                .append(ci(sl.lower(), sl.upper(), false, s)).append(", HC3), ").append(s.r2()).append(' ')
                .append(Double.isNaN(sl.r2()) ? "n/a" : Numbers.fixed(sl.r2(), 2)).append(" over decade bins");
        if (!Double.isNaN(sl.r2Items())) {
            sb.append(" (").append(Numbers.fixed(sl.r2Items(), 2)).append(" over items)");
        }
        if (sl.logit().defined()) {
            sb.append("; logistic fit ");
            Estimate m = sl.marginal();
            sb.append(Numbers.signed(sl.logit().value(), 2)).append(" log-odds per decade (")
                    .append(ci2(sl.logit(), s)).append("), average marginal effect ")
                    .append(Numbers.signedPct(m.value())).append(" points per decade (")
                    .append(ci(m.lower(), m.upper(), false, s)).append(')');
        } else if (!Double.isNaN(sl.r2Items())) {
            sb.append("; logistic fit undefined (frequency separates right from wrong answers perfectly)");
        }
        sb.append("; fitted on ").append(Numbers.count(sl.n())).append(sl.n() == 1 ? " item" : " items");
        if (sl.excluded() > 0) {
            sb.append(" (").append(excluded).append(')');
        }
        return sb.append('.').toString();
    }

    /** "600 asked, 593 scored, 7 errors (1.2% of asked)". */
    static String totals(Totals t) {
        String errors = Numbers.count(t.errors()) + (t.errors() == 1 ? " error" : " errors");
        if (!Double.isNaN(t.errorRate())) {
            errors += " (" + Numbers.pct(t.errorRate()) + "% of asked)";
        }
        return Numbers.count(t.asked()) + " asked, " + Numbers.count(t.n()) + " scored, " + errors + ".";
    }

    /** A bucket's frequency range {@code [lower, upper)} in compact form. */
    static String range(BucketStats b, Style s) {
        if (b.upper() == Double.POSITIVE_INFINITY) {
            return (s.typeset() ? "\u2265 " : ">= ") + Numbers.compact(b.lower());
        }
        return Numbers.compact(b.lower()) + (s.typeset() ? "\u2013" : "-") + Numbers.compact(b.upper());
    }

    /** A rate with its interval: "79.2% (59.5–90.8)" or "79.2% [59.5, 90.8]". */
    static String estimate(Estimate e, Style s) {
        if (!defined(e)) {
            return s.missing();
        }
        String v = Numbers.pct(e.value()) + "%";
        if (Double.isNaN(e.lower()) || Double.isNaN(e.upper())) {
            return v;
        }
        String lo = Numbers.pct(e.lower());
        String hi = Numbers.pct(e.upper());
        return s.typeset() ? v + " (" + lo + "\u2013" + hi + ")" : v + " [" + lo + ", " + hi + "]";
    }

    /** A rate without its interval. */
    static String rate(Estimate e, Style s) {
        return defined(e) ? Numbers.pct(e.value()) + "%" : s.missing();
    }

    /** "95% CI lo to hi" of a number that is not a percentage, two decimals. */
    private static String ci2(Estimate e, Style s) {
        if (Double.isNaN(e.lower()) || Double.isNaN(e.upper())) {
            return "95% CI n/a";
        }
        return "95%" + s.nbsp() + "CI" + s.nbsp() + s.range(Numbers.fixed(e.lower(), 2), Numbers.fixed(e.upper(), 2));
    }

    /** The label of the table's "all" row: weighted by bucket size when the run sampled per bucket. */
    static String allLabel(Report r) {
        return r.weighted() ? "all (weighted)" : "all";
    }

    /** The label of the pooled-sample row shown under a weighted "all" row. */
    static final String POOLED_LABEL = "sample (pooled)";

    /** What the weighted and pooled rows are; null when the report is not weighted. */
    static String weightedNote(Report r) {
        if (!r.weighted()) {
            return null;
        }
        return "all (weighted): the run sampled per bucket, so each bucket counts by its share of the dataset "
                + "(stratified Wilson interval): the estimate for the whole dataset. sample (pooled): the asked items "
                + "pooled as if they were the dataset, which over-weights the small buckets.";
    }

    static String smallNote(Report r, Style s) {
        return s.smallMark() + " fewer than " + Numbers.count(r.minBucketSize())
                + " scored items (the minimum bucket size): too few for a precise estimate.";
    }

    static final String LEGEND = "n: scored items (asked minus errors). Intervals are 95%: Wilson for rates, Newcombe for"
            + " the head-vs-tail gap. Precision: correct / (correct + hallucinated).";
}
