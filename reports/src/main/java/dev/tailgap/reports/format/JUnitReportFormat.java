package dev.tailgap.reports.format;

import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import dev.tailgap.reports.JUnitReport;
import java.io.IOException;
import java.util.List;

/** junit.xml: a JUnit XML test case per bucket for CI dashboards. */
public final class JUnitReportFormat implements ReportFormat {
    /** The file it writes. */
    public static final String FILE = "junit.xml";

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String description() {
        return "junit.xml: a JUnit XML test case per bucket for CI dashboards";
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(ReportInput input, ReportSink sink) throws IOException {
        sink.write(FILE, w -> w.write(JUnitReport.render(input.report())));
    }
}
