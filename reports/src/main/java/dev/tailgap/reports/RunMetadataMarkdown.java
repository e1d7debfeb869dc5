package dev.tailgap.reports;

/**
 * The Markdown of a report's {@link RunMetadata}: a collapsed block whose summary gives the date, duration, requests
 * and cost, holding a table of every row of {@link RunMetadataRows}. Kept last in the report, since unlike the rest it
 * differs between runs of the same inputs.
 */
final class RunMetadataMarkdown {
    private RunMetadataMarkdown() {
    }

    /** The block for {@code r}'s metadata, or {@code ""} when it has none. */
    static String section(Report r) {
        RunMetadata m = r.metadata();
        if (m == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n<details><summary>Run: ");
        sb.append(MarkdownReport.escape(m.startedAt())).append(", ")
                .append(RunMetadataRows.seconds(m.durationSeconds())).append(", ")
                .append(Numbers.count(m.requests())).append(m.requests() == 1 ? " request" : " requests");
        if (m.cost() != null) {
            sb.append(", ").append(m.cost().lowerBound() ? "at least " : "")
                    .append(MarkdownReport.escape(RunMetadataRows.usd(m.cost().usd())));
        }
        sb.append("</summary>\n\n");
        TextTable t = new TextTable("Run", "");
        for (RunMetadataRows.Row row : RunMetadataRows.of(m, r.tool())) {
            t.row(row.label(), MarkdownReport.escape(row.value()));
        }
        sb.append(t.markdown()).append("\n</details>\n");
        return sb.toString();
    }
}
