package dev.tailgap.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Report} as a GitHub-flavoured Markdown summary sized for a pull-request comment: a title with the model
 * and {@code name@version}, a one-sentence head-versus-tail headline, a per-bucket table (head to tail, then all
 * items) with accuracy and hallucination and their Wilson 95% intervals, abstention, precision-when-answering and
 * endpoint errors, the slope per decade of frequency, totals, and a collapsed settings block.
 *
 * <p>Percentages have one decimal; numbers are formatted the same in every locale. Names from the run (model,
 * bucket, dataset, settings) are escaped or put in code spans, so they cannot inject Markdown or HTML.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The report as Markdown, ending in a newline. */
    public static String render(Report r) {
        Objects.requireNonNull(r.overall(), "report.overall");
        Style s = Style.MARKDOWN;
        StringBuilder sb = new StringBuilder();
        String model = r.run().model();
        sb.append("## tailgap: ");
        if (model != null) {
            sb.append(code(model)).append(" on ");
        }
        sb.append(code(Phrases.datasetId(r.dataset()))).append("\n\n");
        String banner = r.integrity().incompleteBanner(r.overall().asked());
        if (banner != null) {
            sb.append("> **").append(escape(banner)).append("**\n\n");
        }
        sb.append(Phrases.headline(r, s)).append("\n\n");

        TextTable t = new TextTable("Bucket", "Frequency", ">n", ">Accuracy (95% CI)", ">Hallucination (95% CI)",
                ">Abstention", ">Precision", ">Errors");
        boolean anySmall = false;
        for (BucketStats b : r.buckets()) {
            anySmall |= b.small();
            t.row(escape(b.name()) + (b.small() ? " " + s.smallMark() : ""), Phrases.range(b, s),
                    Numbers.count(b.n()), Phrases.estimate(b.accuracy(), s), Phrases.estimate(b.hallucination(), s),
                    Phrases.rate(b.abstention(), s), Phrases.rate(b.precision(), s), Numbers.count(b.errors()));
        }
        Totals o = r.overall();
        t.row("**" + Phrases.allLabel(r) + "**", "", Numbers.count(o.n()), Phrases.estimate(o.accuracy(), s),
                Phrases.estimate(o.hallucination(), s), Phrases.rate(o.abstention(), s),
                Phrases.rate(o.precision(), s), Numbers.count(o.errors()));
        if (r.weighted()) {
            Totals p = r.pooled();
            t.row(Phrases.POOLED_LABEL, "", Numbers.count(p.n()), Phrases.estimate(p.accuracy(), s),
                    Phrases.estimate(p.hallucination(), s), Phrases.rate(p.abstention(), s),
                    Phrases.rate(p.precision(), s), Numbers.count(p.errors()));
        }
        sb.append(t.markdown()).append('\n');
        if (anySmall) {
            sb.append(Phrases.smallNote(r, s)).append("<br>\n");
        }
        if (r.weighted()) {
            sb.append(Phrases.weightedNote(r)).append("<br>\n");
        }
        sb.append(Phrases.LEGEND).append("\n\n");
        sb.append(ConsistencyTable.markdown(r));

        sb.append("**Slope:** ").append(Phrases.slope(r.slope(), s)).append("<br>\n");
        sb.append("**Totals:** ").append(Phrases.totals(o)).append("\n\n");
        for (String note : r.integrity().notes(o.asked())) {
            sb.append("**Note:** ").append(escape(note)).append("\n\n");
        }

        sb.append("<details><summary>Settings</summary>\n\n");
        for (String item : settings(r)) {
            sb.append("- ").append(item).append('\n');
        }
        sb.append("\n</details>\n");
        sb.append(RunMetadataMarkdown.section(r));
        return sb.toString();
    }

    private static List<String> settings(Report r) {
        List<String> items = new ArrayList<>();
        DatasetRef d = r.dataset();
        StringBuilder ds = new StringBuilder("Dataset: ").append(code(Phrases.datasetId(d)));
        if (d != null) {
            if (d.sha256() != null) {
                String sha = d.sha256();
                ds.append(", sha256 ").append(code(sha.length() > 12 ? sha.substring(0, 12) : sha));
            }
            ds.append(", ").append(Numbers.count(d.size())).append(" items");
            if (d.frequencySource() != null) {
                ds.append("; frequency: ").append(escape(d.frequencySource()));
            }
            if (d.license() != null) {
                ds.append("; license: ").append(escape(d.license()));
            }
        }
        items.add(ds.toString());
        items.add("Bucketing: " + (r.bucketing() == null ? "unknown" : code(r.bucketing()))
                + ", minimum bucket size " + Numbers.count(r.minBucketSize()));
        RunInfo run = r.run();
        if (run.seed() != null) {
            items.add("Seed: " + code(run.seed()));
        }
        if (run.protocol() != null) {
            items.add("Protocol: " + code(run.protocol()));
        }
        if (run.promptTemplate() != null) {
            items.add("Prompt: " + code(run.promptTemplate()) + (run.promptSha256() == null ? ""
                    : " (sha256 " + code(run.promptSha256().substring(0, Math.min(12, run.promptSha256().length())))
                    + ")"));
        }
        if (run.scorer() != null) {
            items.add("Scorer: " + code(run.scorer()));
        }
        if (r.tool() != null) {
            items.add("Tool: " + escape(r.tool()));
        }
        if (!run.tags().isEmpty()) {
            List<String> tags = new java.util.ArrayList<>();
            run.tags().forEach((k, v) -> tags.add(code(k + "=" + v)));
            items.add("Tags: " + String.join(", ", tags));
        }
        return items;
    }

    /** Text with Markdown and HTML punctuation backslash-escaped and line breaks turned into spaces. */
    static String escape(String text) {
        String s = Phrases.plain(text.replaceAll("\\R", " "));
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|~&#!".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** An inline code span that holds any text: fenced with more backticks than the text's longest run. */
    static String code(String text) {
        String s = Phrases.plain(text.replaceAll("\\R", " "));
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (s.isEmpty()) {
            return "` `";
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`");
        return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
    }
}
