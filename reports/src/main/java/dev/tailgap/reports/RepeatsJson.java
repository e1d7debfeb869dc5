package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An item-log line's {@code shots} (the ids shown before the question) and {@code samples} (each repeated sample's
 * {@code rawAnswer}, {@code extracted}, {@code outcome} and {@code error} when there is one), each written only when
 * not empty and read as empty when absent ({@link ItemLog}).
 */
final class RepeatsJson {
    private RepeatsJson() {
    }

    static void write(JsonGenerator g, ItemResult r) throws IOException {
        if (!r.shots().isEmpty()) {
            g.writeArrayFieldStart("shots");
            for (String s : r.shots()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!r.samples().isEmpty()) {
            g.writeArrayFieldStart("samples");
            for (SampleAnswer s : r.samples()) {
                g.writeStartObject();
                g.writeStringField("rawAnswer", s.rawAnswer());
                g.writeStringField("extracted", s.extracted());
                g.writeStringField("outcome", s.outcome().name());
                if (s.error() != null) {
                    g.writeStringField("error", s.error());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static List<String> shots(JsonTrees.Obj o) {
        return o.absentOrNull("shots") ? List.of() : o.strings("shots");
    }

    static List<SampleAnswer> samples(JsonTrees.Obj o) {
        if (o.absentOrNull("samples")) {
            return List.of();
        }
        JsonNode a = o.array("samples");
        List<SampleAnswer> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonTrees.Obj s = JsonTrees.Obj.of(a.get(i), o.field("samples") + "[" + i + "]");
            out.add(new SampleAnswer(s.stringOrNull("rawAnswer"), s.stringOrNull("extracted"),
                    ItemLog.outcome(s, "outcome"), s.stringOrNull("error")));
        }
        return out;
    }
}
