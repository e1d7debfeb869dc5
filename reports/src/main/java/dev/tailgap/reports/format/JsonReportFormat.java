package dev.tailgap.reports.format;

import dev.tailgap.reports.JsonReport;
import java.util.List;

/** report.json: the report as JSON (schema version 1), printed by tailgap report. */
public final class JsonReportFormat extends PrintedReportFormat {
    /** The file it writes. */
    public static final String FILE = "report.json";

    public JsonReportFormat() {
        super("json", List.of(), FILE, "the report as JSON (schema version 1)", JsonReport::render);
    }
}
