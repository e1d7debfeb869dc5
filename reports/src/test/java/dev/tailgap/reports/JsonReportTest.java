package dev.tailgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Report withGapAndSlope(Report r, Gap gap, Slope slope) {
        return new Report(r.schemaVersion(), r.tool(), r.dataset(), r.run(), r.bucketing(), r.minBucketSize(),
                r.buckets(), r.overall(), gap, slope, r.points(), r.relations());
    }

    static Report withBuckets(Report r, List<BucketStats> buckets) {
        return new Report(r.schemaVersion(), r.tool(), r.dataset(), r.run(), r.bucketing(), r.minBucketSize(),
                buckets, r.overall(), r.gap(), r.slope(), r.points(), r.relations());
    }

    static BucketStats withBounds(BucketStats b, double lower, double upper) {
        return new BucketStats(b.name(), lower, upper, b.datasetSize(), b.asked(), b.n(), b.correct(),
                b.hallucinated(), b.abstained(), b.errors(), b.accuracy(), b.hallucination(), b.abstention(),
                b.precision(), b.small());
    }

    static BucketStats withAccuracy(BucketStats b, Estimate accuracy) {
        return new BucketStats(b.name(), b.lower(), b.upper(), b.datasetSize(), b.asked(), b.n(), b.correct(),
                b.hallucinated(), b.abstained(), b.errors(), accuracy, b.hallucination(), b.abstention(),
                b.precision(), b.small());
    }

    @Test
    void roundTripsTheFixturesIncludingNaNInfinityNullsAndNestedRunValues() {
        for (Report r : List.of(ReportFixtures.standard(), ReportFixtures.edge(),
                withGapAndSlope(ReportFixtures.standard(), null, null))) {
            Report back = JsonReport.parse(JsonReport.render(r));
            assertThat(back).isEqualTo(r);
        }
        Report edge = JsonReport.parse(JsonReport.render(ReportFixtures.edge()));
        assertThat(edge.buckets().get(1).accuracy().defined()).isFalse();
        assertThat(edge.buckets().get(0).upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(edge.slope().perDecade()).isNaN();
        Settings run = edge.run().settings();
        assertThat(run.get("scorer")).isEqualTo(new SettingValue.Null());
        assertThat(edge.run().scorer()).isNull();
        assertThat(run.get("stop")).isEqualTo(new SettingValue.Items(List.of(new SettingValue.Text("\n"),
                new SettingValue.Text("Q:"))));
        assertThat(run.get("judge.enabled")).isEqualTo(new SettingValue.Flag(false));
        assertThat(run.get("judge.threshold")).isEqualTo(new SettingValue.Num(0.75));
        assertThat(edge.run()).as("the typed view survives the JSON").isEqualTo(ReportFixtures.edge().run());
    }

    @Test
    void roundsRatesToSixDecimalsHalfEvenAndIsStableAfterwards() {
        BucketStats head = ReportFixtures.standard().buckets().get(0);
        Report r = withBuckets(ReportFixtures.standard(), List.of(
                withAccuracy(head, new Estimate(0.1234565, 0.1234575, 0.99999951)),
                ReportFixtures.standard().buckets().get(1)));
        String json = JsonReport.render(r);
        assertThat(json).contains("\"value\": 0.123456,", "\"lower\": 0.123458,", "\"upper\": 1.0\n");
        Report parsed = JsonReport.parse(json);
        assertThat(parsed.buckets().get(0).accuracy()).isEqualTo(new Estimate(0.123456, 0.123458, 1.0));
        assertThat(JsonReport.render(parsed)).isEqualTo(json);
    }

    @Test
    void writesIntegralBoundsAsIntegersAndOthersExactly() {
        List<BucketStats> bs = ReportFixtures.standard().buckets();
        Report r = withBuckets(ReportFixtures.standard(), List.of(withBounds(bs.get(0), 1e20, Double.POSITIVE_INFINITY),
                withBounds(bs.get(1), 0.5, 1e20), withBounds(bs.get(2), 0, 0.5)));
        String json = JsonReport.render(r);
        assertThat(json).contains("\"lower\": 100000000000000000000,", "\"upper\": 100000000000000000000,",
                "\"lower\": 0.5,", "\"upper\": 0.5,", "\"lower\": 0,");
        assertThat(JsonReport.parse(json)).isEqualTo(r);
    }

    @Test
    void isPrettyPrintedWithTwoSpacesLfAndTrailingNewlineInRecordOrder() throws IOException {
        String json = JsonReport.render(ReportFixtures.standard());
        assertThat(json).startsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": ").endsWith("}\n")
                .doesNotContain("\r", "\t", " :");
        List<String> keys = new ArrayList<>();
        MAPPER.readTree(json).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schemaVersion", "tool", "dataset", "run", "bucketing", "minBucketSize",
                "buckets", "overall", "pooled", "gap", "slope", "points", "relations", "integrity");
        List<String> bucketKeys = new ArrayList<>();
        MAPPER.readTree(json).get("buckets").get(0).fieldNames().forEachRemaining(bucketKeys::add);
        assertThat(bucketKeys).containsExactly("name", "lower", "upper", "datasetSize", "asked", "n", "correct",
                "hallucinated", "abstained", "errors", "accuracy", "hallucination", "abstention", "precision",
                "small");
        Report empty = new Report(1, null, new DatasetRef("d", "1", null, 0, null, null), RunInfo.NONE, null, 30,
                List.of(), ReportFixtures.edge().overall(), null, null);
        assertThat(JsonReport.render(empty)).contains("\"run\": {},\n", "\"buckets\": [],\n");
        assertThat(JsonReport.parse(JsonReport.render(empty))).isEqualTo(empty);
    }

    @Test
    void readsReportsWrittenBeforePointsAndRelationsExisted() throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(JsonReport.render(ReportFixtures.standard()));
        doc.remove("points");
        doc.remove("relations");
        Report old = JsonReport.parse(MAPPER.writeValueAsString(doc));
        assertThat(old.points()).isEmpty();
        assertThat(old.relations()).isEmpty();
        assertThat(old.buckets()).isEqualTo(ReportFixtures.standard().buckets());
    }

    @Test
    void rejectsValuesJsonCannotHold() {
        BucketStats b = ReportFixtures.standard().buckets().get(0);
        assertThatThrownBy(() -> JsonReport.render(withBuckets(ReportFixtures.standard(),
                List.of(withAccuracy(b, new Estimate(Double.POSITIVE_INFINITY, 0, 1))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets[0].accuracy.value");
        assertThatThrownBy(() -> JsonReport.render(withBuckets(ReportFixtures.standard(),
                List.of(withBounds(b, Double.NaN, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets[0].lower");
    }

    @Test
    void parseErrorsNameTheField() {
        String json = JsonReport.render(ReportFixtures.standard());
        assertParseError("{}", "field 'schemaVersion'");
        assertParseError(json.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"), "unsupported version 2");
        assertParseError(json.replaceFirst("\"value\": 0.791667", "\"value\": \"high\""),
                "field 'buckets[0].accuracy.value': expected a number or null, got a string");
        assertParseError(json.replaceFirst("\"small\": true", "\"small\": 1"), "field 'buckets[0].small'");
        assertParseError(json.replaceFirst("\"errorRate\": 0.011667", "\"errorRate\": \"x\""),
                "field 'overall.errorRate'");
        assertParseError(json.replace("\"license\": \"MIT\"", "\"licence\": \"MIT\""), "field 'dataset.license'");
        assertParseError(json.substring(0, json.length() / 2), "invalid JSON");
        assertParseError("[]", "expected an object");
    }

    private static void assertParseError(String json, String fragment) {
        assertThatThrownBy(() -> JsonReport.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // --- the bundled JSON Schema, checked by a small interpreter of the keywords it uses ---

    private static JsonNode schema() throws IOException {
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void renderedReportsConformToTheBundledSchema() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(Report.SCHEMA_VERSION);
        for (Report r : List.of(ReportFixtures.standard(), ReportFixtures.edge(),
                withGapAndSlope(ReportFixtures.edge(), null, null), ReportFixtures.withMetadata())) {
            List<String> errors = new ArrayList<>();
            validate(schema, schema, MAPPER.readTree(JsonReport.render(r)), "$", errors);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void schemaCheckCatchesMissingExtraAndMistypedKeys() throws IOException {
        JsonNode schema = schema();
        ObjectNode doc = (ObjectNode) MAPPER.readTree(JsonReport.render(ReportFixtures.standard()));
        ((ObjectNode) doc.get("buckets").get(1)).remove("small");
        ((ObjectNode) doc.get("overall")).put("extra", 1);
        ((ObjectNode) doc.get("slope")).put("n", 1.5);
        ((ObjectNode) doc.get("gap").get("accuracy")).put("value", "big");
        doc.put("schemaVersion", 2);
        List<String> errors = new ArrayList<>();
        validate(schema, schema, doc, "$", errors);
        assertThat(errors).containsExactlyInAnyOrder(
                "$.schemaVersion: expected const 1",
                "$.buckets[1]: missing required key small",
                "$.overall: unexpected key extra",
                "$.gap: matches 0 of 2 oneOf branches",
                "$.slope: matches 0 of 2 oneOf branches");
    }

    /** Interprets the subset of JSON Schema 2020-12 the bundled schema uses; fails on any other keyword. */
    private static void validate(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> errors) {
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> kw = fields.next();
            JsonNode arg = kw.getValue();
            switch (kw.getKey()) {
                case "$schema", "$id", "title", "description", "$defs", "properties", "additionalProperties" -> {
                }
                case "$ref" -> {
                    assertThat(arg.asText()).startsWith("#/");
                    validate(root, root.at(arg.asText().substring(1)), value, at, errors);
                }
                case "type" -> {
                    List<String> types = new ArrayList<>();
                    if (arg.isArray()) {
                        arg.forEach(t -> types.add(t.asText()));
                    } else {
                        types.add(arg.asText());
                    }
                    if (types.stream().noneMatch(t -> hasType(value, t))) {
                        errors.add(at + ": expected " + types + ", got " + value.getNodeType());
                    }
                }
                case "const" -> {
                    if (!arg.equals(value)) {
                        errors.add(at + ": expected const " + arg);
                    }
                }
                case "minimum" -> {
                    if (value.isNumber() && value.doubleValue() < arg.doubleValue()) {
                        errors.add(at + ": below minimum " + arg);
                    }
                }
                case "required" -> arg.forEach(k -> {
                    if (value.isObject() && !value.has(k.asText())) {
                        errors.add(at + ": missing required key " + k.asText());
                    }
                });
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            validate(root, arg, value.get(i), at + "[" + i + "]", errors);
                        }
                    }
                }
                case "oneOf" -> {
                    int matches = 0;
                    for (JsonNode branch : arg) {
                        List<String> sub = new ArrayList<>();
                        validate(root, branch, value, at, sub);
                        matches += sub.isEmpty() ? 1 : 0;
                    }
                    if (matches != 1) {
                        errors.add(at + ": matches " + matches + " of " + arg.size() + " oneOf branches");
                    }
                }
                default -> throw new AssertionError("schema keyword not understood by this test: " + kw.getKey());
            }
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode props = schema.get("properties");
            value.fields().forEachRemaining(e -> {
                if (props.has(e.getKey())) {
                    validate(root, props.get(e.getKey()), e.getValue(), at + "." + e.getKey(), errors);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").booleanValue()) {
                    errors.add(at + ": unexpected key " + e.getKey());
                }
            });
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }
}
