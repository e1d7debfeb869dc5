package dev.tailgap.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run directory's {@value RunDirectory#SPEC} records: the run's settings (as stamped into its report), the
 * dataset it used and the bucket definitions computed from the whole dataset. Enough to rebuild the report from the
 * item log without the dataset or the model: {@code report}, {@code rescore} and {@code compare} start here.
 */
public record SavedRun(Map<String, Object> settings, DatasetRef dataset, Bucketing bucketing, int minBucketSize) {

    /** The JSON tree written to spec.json. */
    Map<String, Object> toSpecFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", settings);
        m.put("dataset", dataset);
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (Bucket b : bucketing.buckets()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("name", b.name());
            bm.put("lower", b.lower());
            bm.put("upper", Double.isInfinite(b.upper()) ? null : b.upper());
            bm.put("size", b.size());
            buckets.add(bm);
        }
        Map<String, Object> bucketingMap = new LinkedHashMap<>();
        bucketingMap.put("scheme", bucketing.scheme());
        bucketingMap.put("buckets", buckets);
        if (bucketing.tailClosed()) {
            bucketingMap.put("tailClosed", true);
        }
        m.put("bucketing", bucketingMap);
        return m;
    }

    /** Reads a run directory's spec.json. */
    public static SavedRun read(Path dir) {
        Path file = dir.resolve(RunDirectory.SPEC);
        if (!Files.isRegularFile(file)) {
            throw TailgapException.usage(dir + " is not a run directory (no " + RunDirectory.SPEC + ")");
        }
        try {
            JsonNode root = RunDirectory.JSON.readTree(file.toFile());
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = RunDirectory.JSON.convertValue(root.required("settings"), Map.class);
            DatasetRef ref = RunDirectory.JSON.treeToValue(root.required("dataset"), DatasetRef.class);
            JsonNode b = root.required("bucketing");
            List<Bucket> buckets = new ArrayList<>();
            for (JsonNode n : b.required("buckets")) {
                buckets.add(new Bucket(n.required("name").asText(), n.required("lower").asDouble(),
                        n.path("upper").isNull() ? Double.POSITIVE_INFINITY : n.required("upper").asDouble(),
                        n.required("size").asInt()));
            }
            Object min = settings.get("minBucketSize");
            return new SavedRun(settings, ref, new Bucketing(b.required("scheme").asText(), buckets,
                    b.path("tailClosed").asBoolean(false)),
                    min instanceof Number ? ((Number) min).intValue() : 0);
        } catch (IOException | IllegalArgumentException e) {
            throw TailgapException.usage(file + ": not a valid run spec: " + e.getMessage());
        }
    }

    /** The report of the results in the directory's item log. */
    public Report report(Path dir, String tool) {
        Aggregator aggregator = new Aggregator(bucketing);
        Path items = dir.resolve(RunDirectory.ITEMS);
        if (Files.exists(items)) {
            try (ItemLog.Reader reader = ItemLog.read(items)) {
                for (ItemResult r : reader) {
                    aggregator.add(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return aggregator.report(tool, dataset, settings, minBucketSize);
    }
}
