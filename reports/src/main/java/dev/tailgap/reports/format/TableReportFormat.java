package dev.tailgap.reports.format;

import dev.tailgap.reports.TerminalTable;
import java.util.List;

/** report.txt: the report as a plain-text table, printed by tailgap report. */
public final class TableReportFormat extends PrintedReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.txt";

    public TableReportFormat() {
        super("table", List.of(), FILE, "the report as a plain-text table", TerminalTable::render);
    }
}
