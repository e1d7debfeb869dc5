package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code integrity} object of {@code report.json} ({@link RunIntegrity}), written and read back. */
final class IntegrityJson {
    private IntegrityJson() {
    }

    static void write(JsonGenerator g, RunIntegrity i, int asked) throws IOException {
        g.writeObjectFieldStart("integrity");
        g.writeBooleanField("complete", i.complete());
        g.writeNumberField("planned", i.planned());
        g.writeNumberField("unasked", i.unasked(asked));
        g.writeNumberField("truncated", i.truncated());
        g.writeObjectFieldStart("truncatedByBucket");
        for (Map.Entry<String, Integer> e : i.truncatedByBucket().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("fromCache", i.fromCache());
        g.writeNumberField("fromEarlierAttempts", i.fromEarlierAttempts());
        g.writeArrayFieldStart("served");
        for (RunIntegrity.Served s : i.served()) {
            g.writeStartObject();
            g.writeStringField("model", s.model());
            g.writeStringField("fingerprint", s.fingerprint());
            g.writeNumberField("items", s.items());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("endpoint");
        for (Map.Entry<String, String> e : i.endpoint().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static RunIntegrity read(JsonTrees.Obj root) {
        JsonTrees.Obj o = root.objOrNull("integrity");
        if (o == null) {
            return RunIntegrity.UNKNOWN;
        }
        Map<String, Integer> byBucket = new java.util.LinkedHashMap<>();
        o.node.path("truncatedByBucket").fields().forEachRemaining(e -> byBucket.put(e.getKey(), e.getValue().asInt()));
        List<RunIntegrity.Served> served = new ArrayList<>();
        for (JsonNode n : o.node.path("served")) {
            served.add(new RunIntegrity.Served(n.path("model").isTextual() ? n.get("model").asText() : null,
                    n.path("fingerprint").isTextual() ? n.get("fingerprint").asText() : null, n.path("items").asInt()));
        }
        Map<String, String> endpoint = new java.util.TreeMap<>();
        o.node.path("endpoint").fields().forEachRemaining(e -> endpoint.put(e.getKey(), e.getValue().asText()));
        return new RunIntegrity(o.node.path("complete").asBoolean(true), o.node.path("planned").asInt(-1),
                o.node.path("truncated").asInt(0), byBucket, o.node.path("fromCache").asInt(0),
                o.node.path("fromEarlierAttempts").asInt(0), served, endpoint);
    }
}
