package dev.tailgap.reports;

/**
 * The HTML of a report's {@link RunMetadata}: a section holding one table of {@link RunMetadataRows} (when, how long,
 * tool, requests, tokens, latency, cost), every value escaped. Nothing when the report has no metadata.
 */
final class RunMetadataHtml {
    private RunMetadataHtml() {
    }

    static void append(StringBuilder sb, Report r) {
        RunMetadata m = r.metadata();
        if (m == null) {
            return;
        }
        sb.append("<section id=\"run-metadata\">\n<h2>Run metadata</h2>\n<table class=\"metadata\">\n<tbody>\n");
        for (RunMetadataRows.Row row : RunMetadataRows.of(m, r.tool())) {
            sb.append("<tr><th scope=\"row\">").append(Html.text(row.label())).append("</th><td>")
                    .append(Html.text(row.value())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }
}
