package dev.tailgap.reports.format;

import dev.tailgap.reports.MarkdownReport;
import java.util.List;

/** report.md: the report as Markdown for a pull request, printed by tailgap report. */
public final class MarkdownReportFormat extends PrintedReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.md";

    public MarkdownReportFormat() {
        super("markdown", List.of("md"), FILE, "the report as Markdown for a pull request", MarkdownReport::render);
    }
}
