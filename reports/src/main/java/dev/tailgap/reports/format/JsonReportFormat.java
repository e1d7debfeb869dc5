package dev.tailgap.reports.format;

import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import dev.tailgap.reports.JsonReport;
import java.io.IOException;
import java.util.List;

/** report.json: the report as JSON (schema version 1), printed by tailgap report. */
public final class JsonReportFormat implements ReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.json";

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "report.json: the report as JSON (schema version 1), printed by tailgap report";
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
        sink.write(FILE, w -> w.write(JsonReport.render(input.report())));
    }
}
