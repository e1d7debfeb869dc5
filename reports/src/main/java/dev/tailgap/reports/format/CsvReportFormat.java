package dev.tailgap.reports.format;

import dev.tailgap.reports.CsvReport;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** buckets.csv and items.csv: one row per bucket and one per item (items sorted as in the HTML report). */
public final class CsvReportFormat implements ReportFormat {
    public static final String BUCKETS = "buckets.csv";
    public static final String ITEMS = "items.csv";

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "buckets.csv and items.csv: one row per bucket and one per item, for spreadsheets";
    }

    @Override
    public List<String> files() {
        return List.of(BUCKETS, ITEMS);
    }

    @Override
    public void write(ReportInput input, ReportSink sink) throws IOException {
        sink.write(BUCKETS, w -> w.write(CsvReport.buckets(input.report())));
        List<ItemResult> items = new ArrayList<>();
        input.items().forEach(items::add);
        sink.write(ITEMS, w -> CsvReport.items(input.report(), items, w));
    }
}
