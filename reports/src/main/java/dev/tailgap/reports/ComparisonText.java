package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.List;

import dev.tailgap.reports.Comparison.Disagreement;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.Phrases.Style;

/** The sentences and cells that the Markdown and HTML comparison renderers share. */
final class ComparisonText {
    private ComparisonText() {
    }

    /** How the runs were compared, in one paragraph. */
    static String method(Comparison c, Style s) {
        int others = c.pairs().size();
        return "Baseline: " + s.name(c.runs().get(0).label()) + ". "
                + (others == 1 ? "The other run is" : "Each of the " + others + " other runs is")
                + " compared with the baseline (not with each other) on the items both scored, paired by id: exact"
                + " McNemar test per bucket, p-values Holm-adjusted across the buckets of each comparison;"
                + " significant means adjusted p < " + Numbers.fixed(Comparison.ALPHA, 2)
                + ". \u0394 is the other run's accuracy minus the baseline's, in points, with Newcombe's paired 95%"
                + " interval. All runs use the baseline's buckets (" + (c.bucketing() == null ? "unknown scheme"
                : s.name(c.bucketing())) + ").";
    }

    /** "44.0 / 34.0 / 22.0" for one run's bucket, with its n when it differs from the baseline's. */
    static String ahm(Report r, int bucket, int baseN, Style s) {
        if (bucket >= r.buckets().size()) {
            return s.missing();
        }
        BucketStats b = r.buckets().get(bucket);
        if (b.n() == 0) {
            return s.missing();
        }
        return Numbers.pct(b.accuracy().value()) + " / " + Numbers.pct(b.hallucination().value()) + " / "
                + Numbers.pct(b.abstention().value()) + (b.n() == baseN ? "" : " (n " + Numbers.count(b.n()) + ")");
    }

    /** "+24.0 (19.8–28.1)" in points. */
    static String delta(Estimate e, Style s) {
        if (e == null || !e.defined()) {
            return s.missing();
        }
        return Numbers.signedPct(e.value()) + " (" + s.range(Numbers.pct(e.lower()), Numbers.pct(e.upper())) + ")";
    }

    /** Which buckets differ significantly, in one sentence. */
    static String verdict(PairedComparison p, Style s) {
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (PairedBucket b : p.buckets()) {
            if (b.significant()) {
                (b.difference().value() > 0 ? better : worse).add(s.name(b.bucket()));
            }
        }
        if (better.isEmpty() && worse.isEmpty()) {
            return s.name(p.other()) + " does not differ significantly from the baseline in any bucket.";
        }
        StringBuilder sb = new StringBuilder();
        if (!better.isEmpty()) {
            sb.append(s.name(p.other())).append(" is significantly more accurate in ").append(String.join(", ", better));
        }
        if (!worse.isEmpty()) {
            sb.append(sb.length() > 0 ? "; it is " : s.name(p.other()) + " is ")
                    .append("significantly less accurate in ").append(String.join(", ", worse));
        }
        return sb.append('.').toString();
    }

    /**
     * Both gaps and the change, in words: which bucket moved when the gap narrowed or widened, e.g. "The gap narrowed
     * because the head fell (−20.1 points); the tail fell too (−4.3)."
     */
    static String gapShift(PairedComparison p, Style s) {
        Comparison.GapShift g = p.gap();
        if (g == null) {
            return "";
        }
        if (g.head() == null) {
            return "No head-vs-tail gap to compare: " + Phrases.plain(g.note()) + ".";
        }
        StringBuilder sb = new StringBuilder("Head-vs-tail gap (").append(s.name(g.head())).append(" minus ")
                .append(s.name(g.tail())).append("): ").append(points(g.before())).append(" in the baseline, ")
                .append(points(g.after())).append(" in ").append(s.name(p.other())).append("; change ");
        Estimate c = g.change();
        sb.append(c.defined() ? Numbers.signedPct(c.value()) + " points (paired 95% CI "
                + s.range(Numbers.pct(c.lower()), Numbers.pct(c.upper())) + ")." : "n/a.");
        if (!c.defined() || !g.headChange().defined() || !g.tailChange().defined()) {
            return sb.toString();
        }
        double h = g.headChange().value();
        double t = g.tailChange().value();
        String head = Numbers.signedPct(h);
        String tail = Numbers.signedPct(t);
        if (Numbers.isZero(Numbers.pct(c.value()))) {
            sb.append(" The gap is unchanged (head ").append(head).append(", tail ").append(tail).append(" points).");
        } else if (c.value() < 0) {
            // narrowed: by a falling head, a rising tail, or both; name the larger share
            if (Math.max(0, -h) >= Math.max(0, t)) {
                sb.append(" The gap narrowed because the head fell (").append(head).append(" points)")
                        .append(t < 0 ? ", not because the tail improved: the tail fell too (" + tail + ")."
                                : t > 0 ? ", more than the tail rose (" + tail + ")." : "; the tail did not change.");
            } else {
                sb.append(" The gap narrowed because the tail rose (").append(tail).append(" points")
                        .append(h < 0 ? "; the head also fell, by " + head + ")." : "; head " + head + ").");
            }
        } else if (Math.max(0, -t) >= Math.max(0, h)) {
            sb.append(" The gap widened because the tail fell (").append(tail).append(" points")
                    .append(h > 0 ? "; the head also rose, by " + head + ")." : "; head " + head + ").");
        } else {
            sb.append(" The gap widened because the head rose (").append(head).append(" points; tail ")
                    .append(tail).append(").");
        }
        if (c.lower() <= 0 && c.upper() >= 0) {
            sb.append(" The interval of the change includes zero.");
        }
        return sb.toString();
    }

    /** A gap in points, or n/a. */
    private static String points(Estimate e) {
        return e == null || !e.defined() ? "n/a" : Numbers.pct(e.value()) + " points";
    }

    static String disagreementSummary(Comparison c, Style s) {
        Comparison.Disagreements d = c.disagreements();
        Report base = c.runs().get(0).report();
        StringBuilder sb = new StringBuilder().append(Numbers.count(d.total()))
                .append(d.total() == 1 ? " item" : " items")
                .append(" scored by every run where the runs disagree on correctness");
        if (d.total() > 0) {
            sb.append(" (");
            for (int i = 0; i < d.perBucket().size() && i < base.buckets().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(s.name(base.buckets().get(i).name())).append(' ')
                        .append(Numbers.count(d.perBucket().get(i)));
            }
            sb.append(')');
        }
        return sb.append('.').toString();
    }

    /** Up to {@code max} examples, taken from the buckets in turn (tail first) so every bucket is represented. */
    static List<Disagreement> examples(Comparison.Disagreements d, int max) {
        java.util.LinkedHashMap<String, List<Disagreement>> byBucket = new java.util.LinkedHashMap<>();
        for (Disagreement x : d.items()) {
            byBucket.computeIfAbsent(x.bucket(), k -> new ArrayList<>()).add(x);
        }
        List<List<Disagreement>> groups = new ArrayList<>(byBucket.values());
        java.util.Collections.reverse(groups);
        List<Disagreement> out = new ArrayList<>();
        for (int round = 0; out.size() < max; round++) {
            boolean any = false;
            for (List<Disagreement> g : groups) {
                if (round < g.size() && out.size() < max) {
                    out.add(g.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    static String shorten(String s, int max) {
        String p = Phrases.plain(s == null ? "" : s.replaceAll("\\R", " "));
        return p.codePointCount(0, p.length()) > max ? p.substring(0, p.offsetByCodePoints(0, max - 1)) + "\u2026" : p;
    }
}
