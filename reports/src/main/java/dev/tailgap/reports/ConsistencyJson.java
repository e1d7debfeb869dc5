package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code consistency} object of {@code report.json} ({@link Consistency}), written only for runs of K &gt; 1 samples,
 * and read back: {@code samples}, {@code buckets} (one row per bucket, head to tail) and {@code overall}, each row
 * {@code name}, {@code n}, {@code unstable}, {@code instability}, {@code majorityCorrect}, {@code majorityAccuracy},
 * {@code anyCorrect}, {@code accuracyAtK}, {@code firstCorrect}, {@code firstAccuracy} (estimates).
 */
final class ConsistencyJson {
    private ConsistencyJson() {
    }

    static void write(JsonGenerator g, Consistency c) throws IOException {
        if (c == null) {
            return;
        }
        g.writeObjectFieldStart("consistency");
        g.writeNumberField("samples", c.samples());
        g.writeArrayFieldStart("buckets");
        for (Consistency.Row row : c.buckets()) {
            writeRow(g, row, "consistency.buckets");
        }
        g.writeEndArray();
        g.writeFieldName("overall");
        writeRow(g, c.overall(), "consistency.overall");
        g.writeEndObject();
    }

    private static void writeRow(JsonGenerator g, Consistency.Row r, String at) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeNumberField("n", r.n());
        g.writeNumberField("unstable", r.unstable());
        JsonReport.writeEstimate(g, "instability", r.instability(), at);
        g.writeNumberField("majorityCorrect", r.majorityCorrect());
        JsonReport.writeEstimate(g, "majorityAccuracy", r.majorityAccuracy(), at);
        g.writeNumberField("anyCorrect", r.anyCorrect());
        JsonReport.writeEstimate(g, "accuracyAtK", r.accuracyAtK(), at);
        g.writeNumberField("firstCorrect", r.firstCorrect());
        JsonReport.writeEstimate(g, "firstAccuracy", r.firstAccuracy(), at);
        g.writeEndObject();
    }

    static Consistency read(JsonTrees.Obj root) {
        if (root.absentOrNull("consistency")) {
            return null;
        }
        JsonTrees.Obj c = root.obj("consistency");
        JsonNode array = c.array("buckets");
        List<Consistency.Row> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            rows.add(readRow(JsonTrees.Obj.of(array.get(i), "consistency.buckets[" + i + "]")));
        }
        return new Consistency(c.intValue("samples"), rows, readRow(c.obj("overall")));
    }

    private static Consistency.Row readRow(JsonTrees.Obj r) {
        return new Consistency.Row(r.string("name"), r.intValue("n"), r.intValue("unstable"),
                estimate(r.obj("instability")), r.intValue("majorityCorrect"), estimate(r.obj("majorityAccuracy")),
                r.intValue("anyCorrect"), estimate(r.obj("accuracyAtK")), r.intValue("firstCorrect"),
                estimate(r.obj("firstAccuracy")));
    }

    private static Estimate estimate(JsonTrees.Obj e) {
        return new Estimate(e.numberOrNaN("value"), e.numberOrNaN("lower"), e.numberOrNaN("upper"));
    }
}
