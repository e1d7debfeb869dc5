package dev.tailgap.reports.format;

import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import dev.tailgap.reports.HtmlReport;
import java.io.IOException;
import java.util.List;

/** report.html: one self-contained page with charts and an item browser. */
public final class HtmlReportFormat implements ReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.html";

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "report.html: one self-contained page with charts and an item browser";
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(ReportInput input, ReportSink sink) throws IOException {
        sink.write(FILE, w -> HtmlReport.write(input.report(), input.items(), input.agreement(), w));
    }
}
