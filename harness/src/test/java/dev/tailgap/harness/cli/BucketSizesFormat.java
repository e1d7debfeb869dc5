package dev.tailgap.harness.cli;

import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report format added from test code through {@code META-INF/services} alone: one line per bucket with its scored
 * items from the report and the items counted in the item log.
 */
public final class BucketSizesFormat implements ReportFormat {
    @Override
    public String name() {
        return "bucket-sizes";
    }

    @Override
    public List<String> aliases() {
        return List.of("sizes");
    }

    @Override
    public String description() {
        return "bucket-sizes.txt: scored items per bucket (a test plug-in)";
    }

    @Override
    public List<String> files() {
        return List.of("bucket-sizes.txt");
    }

    @Override
    public void write(ReportInput input, ReportSink sink) throws java.io.IOException {
        Map<String, Integer> logged = new LinkedHashMap<>();
        input.items().forEach((ItemResult r) -> logged.merge(r.bucket(), 1, Integer::sum));
        sink.write("bucket-sizes.txt", w -> {
            for (BucketStats b : input.report().buckets()) {
                w.write(b.name() + " n=" + b.n() + " logged=" + logged.getOrDefault(b.name(), 0) + "\n");
            }
        });
    }
}
