package dev.tailgap.reports.format;

import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import dev.tailgap.reports.TerminalTable;
import java.io.IOException;
import java.util.List;

/** report.txt: the report as a plain-text table, printed by tailgap report. */
public final class TableReportFormat implements ReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.txt";

    @Override
    public String name() {
        return "table";
    }

    @Override
    public String description() {
        return "report.txt: the report as a plain-text table, printed by tailgap report";
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
        sink.write(FILE, w -> w.write(TerminalTable.render(input.report())));
    }
}
