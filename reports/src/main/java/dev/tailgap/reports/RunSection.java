package dev.tailgap.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Run" section of the HTML report: what was asked of which model (model, endpoint, dataset, prompt, scorer,
 * bucketing, generation and sampling settings, tags), the run's totals when it recorded them, and every setting as a
 * two-column table. All text is escaped.
 */
final class RunSection {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RunSection() {
    }

    static void append(StringBuilder sb, Report r) {
        RunInfo run = r.run();
        sb.append("<section id=\"run\">\n<h2>Run</h2>\n<dl class=\"meta\">\n");
        meta(sb, "Model", run.model());
        meta(sb, "Endpoint", run.endpoint());
        DatasetRef d = r.dataset();
        if (d != null) {
            meta(sb, "Dataset", Phrases.datasetId(d) + ", " + Numbers.count(d.size()) + " items"
                    + (d.license() == null ? "" : ", license " + d.license()));
            meta(sb, "Dataset sha256", d.sha256());
            meta(sb, "Frequency", d.frequencySource());
        }
        if (run.promptTemplate() != null) {
            sb.append("<dt>Prompt</dt><dd><pre>").append(Html.text(run.promptTemplate())).append("</pre>");
            if (run.promptSha256() != null) {
                sb.append("<span class=\"ci\">sha256 ").append(Html.text(run.promptSha256())).append("</span>");
            }
            sb.append("</dd>\n");
        }
        meta(sb, "System prompt", run.system());
        meta(sb, "Scorer", run.scorer());
        meta(sb, "Bucketing", (r.bucketing() == null ? "unknown" : r.bucketing()) + ", minimum bucket size "
                + Numbers.count(r.minBucketSize()));
        meta(sb, "Generation", pairs(run.generation()));
        meta(sb, "Sampling", pairs(run.sampling()));
        meta(sb, "Execution", pairs(run.execution()));
        meta(sb, "Seed", run.seed());
        if (!run.tags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            for (Map.Entry<String, String> t : run.tags().entrySet()) {
                tags.add(t.getKey() + "=" + t.getValue());
            }
            meta(sb, "Tags", String.join(", ", tags));
        }
        meta(sb, "Tool", r.tool());
        sb.append("</dl>\n");
        List<Settings.Row> rows = run.settings().rows();
        if (!rows.isEmpty()) {
            sb.append("<details><summary>All settings</summary>\n<table class=\"settings\">\n<thead><tr>")
                    .append("<th>Setting</th><th>Value</th></tr></thead>\n<tbody>\n");
            for (Settings.Row row : rows) {
                sb.append("<tr><td><code>").append(Html.text(Phrases.plain(row.name()))).append("</code></td><td>")
                        .append(Html.text(row.value())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n</details>\n");
        }
        sb.append("</section>\n");
    }

    /** {@code name value · name value}, or {@code null} for no settings. */
    private static String pairs(Settings s) {
        List<String> out = new ArrayList<>();
        for (Settings.Row row : s.rows()) {
            out.add(row.name() + " " + row.value());
        }
        return out.isEmpty() ? null : String.join(" \u00b7 ", out);
    }

    private static void meta(StringBuilder sb, String label, String value) {
        if (value == null) {
            return;
        }
        sb.append("<dt>").append(Html.text(label)).append("</dt><dd>").append(Html.text(Phrases.plain(value)))
                .append("</dd>\n");
    }
}
