package dev.tailgap.reports;

import dev.tailgap.reports.Phrases.Style;
import dev.tailgap.reports.Trend.Change;
import dev.tailgap.reports.Trend.Metric;
import dev.tailgap.reports.Trend.Point;
import dev.tailgap.reports.Trend.Step;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Trend} as GitHub-flavoured Markdown: how the changes were tested, one table row per run (when, model, n,
 * overall, head, tail and gap with 95% intervals, tags, and the significant changes against the run before), then
 * the list of significant changes. Labels, models and tags are put in code spans, so no Markdown or HTML in them acts.
 */
public final class TrendMarkdown {
    /** How run times are written: UTC, to the minute. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TrendMarkdown() {
    }

    /** The trend as Markdown, ending in a newline. */
    public static String render(Trend t) {
        Style s = Style.MARKDOWN;
        StringBuilder sb = new StringBuilder();
        sb.append("## tailgap trend: ").append(cell(t.title())).append("\n\n");
        sb.append(method(t)).append("\n\n");
        TextTable table = new TextTable("#", "Run", "When", "Model", ">n", "Overall", "Head", "Tail", "Gap", "Tags",
                "Change vs previous");
        for (int i = 0; i < t.runs().size(); i++) {
            Point p = t.runs().get(i);
            table.row(Integer.toString(i + 1), cell(p.label()) + (p.complete() ? "" : " INCOMPLETE"),
                    when(p.when(), s), cell(p.model()), Numbers.count(p.n()),
                    Phrases.estimate(p.overall(), s), figure(p.head(), p.headAccuracy(), s),
                    figure(p.tail(), p.tailAccuracy(), s), Phrases.estimate(p.gap(), s), tags(p.tags()),
                    i == 0 ? s.missing() : marks(t.steps().get(i - 1), s));
        }
        sb.append(table.markdown()).append('\n');
        sb.append("### Significant changes\n\n");
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < t.steps().size(); k++) {
            Step step = t.steps().get(k);
            for (Change c : step.changes()) {
                if (c.significant()) {
                    lines.add("- " + cell(t.runs().get(k).label()) + " \u2192 "
                            + cell(t.runs().get(k + 1).label()) + ": " + describe(c, s));
                }
            }
        }
        if (lines.isEmpty()) {
            sb.append("None: no run differs significantly from the run before it.\n");
        } else {
            sb.append(String.join("\n", lines)).append('\n');
        }
        Map<String, List<String>> notes = notes(t);
        if (!notes.isEmpty()) {
            sb.append("\n### Notes\n\n");
            notes.forEach((note, runs) -> sb.append("- ").append(String.join(", ", runs.stream()
                    .map(TrendMarkdown::cell).toList())).append(": ").append(MarkdownReport.escape(note)).append('\n'));
        }
        return sb.toString();
    }

    /** The paragraph saying what the figures are and how a change is judged. */
    static String method(Trend t) {
        return t.runs().size() + (t.runs().size() == 1 ? " run" : " runs") + ", ordered by " + t.order()
                + ". Accuracy with 95% intervals (Wilson; the gap is head minus tail accuracy, Newcombe). Each run is "
                + "compared with the one before it: where both asked the same items, overall, head and tail by the "
                + "exact McNemar test on the items both scored (head and tail Holm-adjusted across buckets, as in "
                + "tailgap compare) and the gap by its paired 95% interval; otherwise by the 95% interval of the "
                + "difference of independent proportions (Newcombe). Significant at " + Numbers.fixed(Trend.ALPHA, 2)
                + ": \u25b2 up, \u25bc down.";
    }

    /** Each step's note with the labels of the runs it concerns, in order of first appearance. */
    static Map<String, List<String>> notes(Trend t) {
        Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (int k = 0; k < t.steps().size(); k++) {
            String note = t.steps().get(k).note();
            if (note != null) {
                notes.computeIfAbsent(note, n -> new ArrayList<>()).add(t.runs().get(k + 1).label());
            }
        }
        return notes;
    }

    /** A code span safe inside a table cell: a pipe would end the cell, so it is escaped. */
    static String cell(String text) {
        return MarkdownReport.code(text == null ? "" : text).replace("|", "\\|");
    }

    static String when(Instant when, Style s) {
        return when == null ? s.missing() : WHEN.format(when);
    }

    private static String figure(String bucket, Estimate e, Style s) {
        return bucket == null ? s.missing() : Phrases.estimate(e, s) + " " + cell(bucket);
    }

    private static String tags(Map<String, String> tags) {
        List<String> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(cell(k + "=" + v)));
        return String.join(" ", out);
    }

    /** The significant changes of a step, e.g. {@code tail ▼ -25.0 pts}. */
    static String marks(Step step, Style s) {
        List<String> out = new ArrayList<>();
        for (Change c : step.changes()) {
            if (c.significant()) {
                out.add("**" + c.metric().label() + " " + arrow(c) + " " + points(c.difference().value()) + "**");
            }
        }
        return out.isEmpty() ? "no significant change" : String.join(", ", out);
    }

    static String arrow(Change c) {
        return c.difference().value() > 0 ? "\u25b2" : "\u25bc";
    }

    static String points(double d) {
        return Numbers.signedPct(d) + " pts";
    }

    /** One significant change in words, e.g. {@code tail accuracy -25.0 pts (95% CI -31.2 to -18.0), exact ...}. */
    static String describe(Change c, Style s) {
        Estimate d = c.difference();
        String what = c.metric() == Metric.GAP ? "gap" : c.metric().label() + " accuracy";
        String ci = "95%" + s.nbsp() + "CI" + s.nbsp() + s.range(Numbers.pct(d.lower()), Numbers.pct(d.upper()));
        String test;
        if (c.pairs() == 0) {
            test = "as independent estimates (square-and-add interval)";
        } else if (Double.isNaN(c.pValue())) {
            test = "paired interval over " + Numbers.count(c.pairs()) + " items";
        } else {
            test = "exact McNemar p " + (c.pValue() < 0.0001 ? "" : "= ") + Numbers.p(c.pValue()) + " over "
                    + Numbers.count(c.pairs()) + " paired items";
        }
        return what + " " + points(d.value()) + " (" + ci + "), " + test;
    }
}
