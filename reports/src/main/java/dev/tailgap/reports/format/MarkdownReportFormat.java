package dev.tailgap.reports.format;

import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import dev.tailgap.reports.MarkdownReport;
import java.io.IOException;
import java.util.List;

/** report.md: the report as Markdown for a pull request, printed by tailgap report. */
public final class MarkdownReportFormat implements ReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.md";

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public List<String> aliases() {
        return List.of("md");
    }

    @Override
    public String description() {
        return "report.md: the report as Markdown for a pull request, printed by tailgap report";
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public boolean printed() {
        return true;
    }

    @Override
    public void write(ReportInput input, ReportSink sink) throws IOException {
        sink.write(FILE, w -> w.write(MarkdownReport.render(input.report())));
    }
}
