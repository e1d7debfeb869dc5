package dev.tailgap.harness.record;

import dev.tailgap.harness.engine.RunMetadataFile;
import dev.tailgap.harness.engine.RunState;
import dev.tailgap.harness.engine.RunDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.ProgramName;
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
 * dataset it used, the bucket definitions computed from the whole dataset, for a run sampled per bucket the dataset's
 * items per relation and bucket ({@code relationSizes}, empty otherwise), which weight the relation rows, its
 * {@link RunState} ({@code null} for a run of tailgap 0.1, which recorded none) and the facts of the served identity it
 * was asked under. Enough to rebuild the report from the item log without the dataset or the model: {@code report},
 * {@code gate}, {@code rescore} and {@code compare} start here, and refuse an unfinished run unless told to accept it
 * ({@link #requireComplete}).
 */
public record SavedRun(Map<String, Object> settings, DatasetRef dataset, Bucketing bucketing, int minBucketSize,
                       List<RelationSize> relationSizes, RunState state, Map<String, String> served) {

    /** How many items of the whole dataset one relation ({@code null}: items without one) has in each bucket. */
    public record RelationSize(String relation, List<Integer> sizes) {
        public RelationSize {
            sizes = List.copyOf(sizes);
        }
    }

    public SavedRun {
        relationSizes = relationSizes == null ? List.of() : List.copyOf(relationSizes);
        served = served == null ? Map.of() : Map.copyOf(served);
    }

    /** A run about to start: no relation sizes, state or identity yet. */
    public SavedRun(Map<String, Object> settings, DatasetRef dataset, Bucketing bucketing, int minBucketSize) {
        this(settings, dataset, bucketing, minBucketSize, List.of());
    }

    /** A run about to start, with relation sizes: no state or identity yet. */
    public SavedRun(Map<String, Object> settings, DatasetRef dataset, Bucketing bucketing, int minBucketSize,
                    List<RelationSize> relationSizes) {
        this(settings, dataset, bucketing, minBucketSize, relationSizes, null, Map.of());
    }

    /** Whether the run finished; a run of tailgap 0.1 (no state) counts as finished, as it wrote no state. */
    public boolean complete() {
        return state == null || state.complete();
    }

    /**
     * Throws a usage error naming asked and planned items when the run in {@code dir} is unfinished and
     * {@code allowIncomplete} is false; {@code asked} is how many items its log holds.
     */
    public void requireComplete(Path dir, long asked, boolean allowIncomplete) {
        if (complete() || allowIncomplete) {
            return;
        }
        throw TailgapException.usage("run " + dir + " is incomplete: " + asked + " of " + state.planned()
                + " planned items were asked (" + state.status().label() + "); finish it with " + ProgramName.get()
                + " run --resume "
                + dir + ", or pass --allow-incomplete to use it as it is (every output is then marked INCOMPLETE)");
    }

    /** The provenance of the results {@code aggregator} holds, under this run's state. */
    public dev.tailgap.reports.RunIntegrity integrity(Aggregator aggregator) {
        return aggregator.integrity(complete(), state == null ? -1 : state.planned(),
                state == null ? 1 : state.attempt(), served);
    }

    /** The dataset's items per relation and bucket, relations sorted by name (items without one last). */
    public static List<RelationSize> relationSizes(Dataset dataset, Bucketing bucketing) {
        java.util.TreeMap<String, int[]> counts = new java.util.TreeMap<>(
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        try (java.util.stream.Stream<Item> items = dataset.items()) {
            items.forEach(item -> {
                int b = bucketing.assign(item.frequency());
                if (b != Bucketing.UNBUCKETED) {
                    counts.computeIfAbsent(item.relation(), k -> new int[bucketing.buckets().size()])[b]++;
                }
            });
        }
        List<RelationSize> out = new ArrayList<>();
        counts.forEach((relation, c) -> out.add(new RelationSize(relation,
                java.util.Arrays.stream(c).boxed().toList())));
        return out;
    }

    /** The report over an aggregator's results, with this run's settings, dataset, relation sizes and provenance. */
    public Report report(Aggregator aggregator, String tool) {
        return aggregator.report(tool, dataset, settings, minBucketSize, relationSizes)
                .withIntegrity(integrity(aggregator));
    }

    /** The JSON tree written to spec.json. */
    public Map<String, Object> toSpecFile() {
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
        if (!relationSizes.isEmpty()) {
            List<Map<String, Object>> relations = new ArrayList<>();
            for (RelationSize r : relationSizes) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("relation", r.relation());
                rm.put("sizes", r.sizes());
                relations.add(rm);
            }
            bucketingMap.put("relations", relations);
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
            List<RelationSize> relations = new ArrayList<>();
            for (JsonNode r : b.path("relations")) {
                List<Integer> sizes = new ArrayList<>();
                r.required("sizes").forEach(x -> sizes.add(x.asInt()));
                if (sizes.size() != buckets.size()) {
                    throw new IllegalArgumentException("bucketing.relations: " + sizes.size() + " sizes for "
                            + buckets.size() + " buckets");
                }
                relations.add(new RelationSize(r.path("relation").isNull() ? null : r.required("relation").asText(),
                        sizes));
            }
            Map<String, String> served = new java.util.TreeMap<>();
            root.path(RunDirectory.SERVED_KEY).path("facts").fields()
                    .forEachRemaining(e -> served.put(e.getKey(), e.getValue().asText()));
            return new SavedRun(settings, ref, new Bucketing(b.required("scheme").asText(), buckets,
                    b.path("tailClosed").asBoolean(false)),
                    min instanceof Number ? ((Number) min).intValue() : 0, relations,
                    RunState.of(root.get(RunDirectory.STATE_KEY)), served);
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
                for (ItemResult r = RunDirectory.next(reader); r != null; r = RunDirectory.next(reader)) {
                    aggregator.add(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RunMetadataFile.attach(dir, report(aggregator, tool), aggregator.runTotals());
    }
}
