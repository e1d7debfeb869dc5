package dev.tailgap.reports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@link JsonReport}'s output back into a {@link Report} (see {@link JsonReport#parse}). */
final class JsonReportReader {
    private JsonReportReader() {
    }

    static Report parse(String json) {
        JsonTrees.Obj root = JsonTrees.Obj.of(JsonTrees.parse(json), "");
        int version = root.intValue("schemaVersion");
        if (version < 1 || version > Report.SCHEMA_VERSION) {
            throw new IllegalArgumentException("field 'schemaVersion': unsupported version " + version
                    + "; this build reads versions 1 to " + Report.SCHEMA_VERSION);
        }
        String tool = root.nullableString("tool");
        DatasetRef dataset = readDataset(root.obj("dataset"));
        JsonTrees.Obj runObj = root.obj("run");
        RunInfo run = RunInfo.of((Map<?, ?>) JsonTrees.toJava(runObj.node));
        String bucketing = root.nullableString("bucketing");
        int minBucketSize = root.intValue("minBucketSize");
        JsonNode bucketArray = root.array("buckets");
        List<BucketStats> buckets = new ArrayList<>(bucketArray.size());
        for (int i = 0; i < bucketArray.size(); i++) {
            buckets.add(readBucket(JsonTrees.Obj.of(bucketArray.get(i), "buckets[" + i + "]")));
        }
        Totals overall = readTotals(root.obj("overall"));
        JsonTrees.Obj gapObj = root.objOrNull("gap");
        Gap gap = gapObj == null ? null : new Gap(gapObj.nullableString("head"), gapObj.nullableString("tail"),
                readEstimate(gapObj.obj("accuracy")), readEstimate(gapObj.obj("hallucination")),
                gapObj.absentOrNull("note") ? null : gapObj.string("note"));
        JsonTrees.Obj s = root.objOrNull("slope");
        Slope slope = s == null ? null : new Slope(s.numberOrNaN("perDecade"), s.numberOrNaN("lower"),
                s.numberOrNaN("upper"), s.numberOrNaN("intercept"), s.numberOrNaN("r2"), s.intValue("n"),
                s.intValue("excluded"), s.absentOrNull("r2Items") ? Double.NaN : s.numberOrNaN("r2Items"),
                s.absentOrNull("logit") ? Estimate.NONE : readEstimate(s.obj("logit")),
                s.absentOrNull("marginal") ? Estimate.NONE : readEstimate(s.obj("marginal")),
                s.absentOrNull("note") ? null : s.string("note"));
        List<DecadePoint> points = new ArrayList<>();
        if (!root.absentOrNull("points")) {
            JsonNode array = root.array("points");
            for (int i = 0; i < array.size(); i++) {
                JsonTrees.Obj p = JsonTrees.Obj.of(array.get(i), "points[" + i + "]");
                points.add(new DecadePoint(p.intValue("decade"), p.numberOrNaN("meanLog10"), p.intValue("n"),
                        p.intValue("correct"), readEstimate(p.obj("accuracy"))));
            }
        }
        List<RelationStats> relations = new ArrayList<>();
        if (!root.absentOrNull("relations")) {
            JsonNode array = root.array("relations");
            for (int i = 0; i < array.size(); i++) {
                JsonTrees.Obj rel = JsonTrees.Obj.of(array.get(i), "relations[" + i + "]");
                JsonNode perBucket = rel.array("buckets");
                List<Totals> cells = new ArrayList<>(perBucket.size());
                for (int b = 0; b < perBucket.size(); b++) {
                    cells.add(readTotals(JsonTrees.Obj.of(perBucket.get(b), "relations[" + i + "].buckets[" + b + "]")));
                }
                relations.add(new RelationStats(rel.nullableString("name"), readTotals(rel.obj("overall")), cells,
                        rel.absentOrNull("pooled") ? null : readTotals(rel.obj("pooled"))));
            }
        }
        Totals pooled = root.absentOrNull("pooled") ? null : readTotals(root.obj("pooled"));
        return new Report(version, tool, dataset, run, bucketing, minBucketSize, buckets, overall, gap, slope,
                points, relations, pooled, IntegrityJson.read(root)).withConsistency(ConsistencyJson.read(root))
                .withMetadata(RunMetadataJson.read(root));
    }

    private static DatasetRef readDataset(JsonTrees.Obj d) {
        return new DatasetRef(d.nullableString("name"), d.nullableString("version"), d.nullableString("sha256"),
                d.intValue("size"), d.nullableString("frequencySource"), d.nullableString("license"));
    }

    private static BucketStats readBucket(JsonTrees.Obj b) {
        String name = b.string("name");
        double lower = b.number("lower");
        double upper = b.numberOrNaN("upper");
        if (Double.isNaN(upper)) {
            upper = Double.POSITIVE_INFINITY;
        }
        return new BucketStats(name, lower, upper, b.intValue("datasetSize"), b.intValue("asked"), b.intValue("n"),
                b.intValue("correct"), b.intValue("hallucinated"), b.intValue("abstained"), b.intValue("errors"),
                readEstimate(b.obj("accuracy")), readEstimate(b.obj("hallucination")),
                readEstimate(b.obj("abstention")), readEstimate(b.obj("precision")), b.bool("small"));
    }

    private static Totals readTotals(JsonTrees.Obj t) {
        return new Totals(t.intValue("asked"), t.intValue("n"), t.intValue("correct"), t.intValue("hallucinated"),
                t.intValue("abstained"), t.intValue("errors"), readEstimate(t.obj("accuracy")),
                readEstimate(t.obj("hallucination")), readEstimate(t.obj("abstention")),
                readEstimate(t.obj("precision")), t.numberOrNaN("errorRate"));
    }

    private static Estimate readEstimate(JsonTrees.Obj e) {
        return new Estimate(e.numberOrNaN("value"), e.numberOrNaN("lower"), e.numberOrNaN("upper"));
    }
}
