package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** The {@code metadata} object of {@code report.json} ({@link RunMetadata}), written and read back. */
final class RunMetadataJson {
    private RunMetadataJson() {
    }

    static void write(JsonGenerator g, RunMetadata m) throws IOException {
        if (m == null) {
            return;
        }
        g.writeObjectFieldStart("metadata");
        g.writeStringField("startedAt", m.startedAt());
        g.writeStringField("endedAt", m.endedAt());
        g.writeFieldName("durationSeconds");
        g.writeRawValue(Numbers.fixed(m.durationSeconds(), 3));
        g.writeNumberField("attempts", m.attempts());
        g.writeNumberField("killedAttempts", m.killedAttempts());
        g.writeNumberField("requests", m.requests());
        g.writeNumberField("retries", m.retries());
        RunTotals t = m.totals();
        g.writeObjectFieldStart("totals");
        g.writeNumberField("items", t.items());
        g.writeNumberField("live", t.live());
        g.writeNumberField("cacheHits", t.cacheHits());
        g.writeNumberField("promptTokens", t.promptTokens());
        g.writeNumberField("completionTokens", t.completionTokens());
        g.writeNumberField("tokensUnknown", t.tokensUnknown());
        millis(g, "latencyP50Ms", t.latencyP50());
        millis(g, "latencyP95Ms", t.latencyP95());
        millis(g, "latencyP99Ms", t.latencyP99());
        g.writeNumberField("streamed", t.streamed());
        millis(g, "firstTokenP50Ms", t.firstTokenP50());
        g.writeEndObject();
        if (m.cost() != null) {
            Cost c = m.cost();
            g.writeObjectFieldStart("cost");
            g.writeFieldName("usd");
            g.writeRawValue(Numbers.json6(c.usd()));
            g.writeFieldName("inputPerMillion");
            g.writeRawValue(Numbers.json6(c.prices().inputPerMillion()));
            g.writeFieldName("outputPerMillion");
            g.writeRawValue(Numbers.json6(c.prices().outputPerMillion()));
            g.writeBooleanField("lowerBound", c.lowerBound());
            g.writeEndObject();
        }
        if (!m.replicas().isEmpty()) {
            g.writeArrayFieldStart("replicas");
            for (ReplicaShare r : m.replicas()) {
                g.writeStartObject();
                g.writeStringField("endpoint", r.endpoint());
                g.writeNumberField("requests", r.requests());
                g.writeNumberField("answered", r.answered());
                g.writeStringField("servedDigest", r.servedDigest());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void millis(JsonGenerator g, String name, double ms) throws IOException {
        g.writeFieldName(name);
        if (ms < 0) {
            g.writeNull();
        } else {
            g.writeRawValue(Numbers.fixed(ms, 1));
        }
    }

    /** The metadata of a report.json, or {@code null} when it has none. */
    static RunMetadata read(JsonTrees.Obj root) {
        if (root.absentOrNull("metadata")) {
            return null;
        }
        JsonTrees.Obj o = root.obj("metadata");
        JsonNode n = o.node;
        JsonNode t = n.path("totals");
        RunTotals totals = new RunTotals(t.path("items").asLong(), t.path("live").asLong(),
                t.path("cacheHits").asLong(), t.path("promptTokens").asLong(), t.path("completionTokens").asLong(),
                t.path("tokensUnknown").asLong(), ms(t, "latencyP50Ms"), ms(t, "latencyP95Ms"),
                ms(t, "latencyP99Ms"), t.path("streamed").asLong(), ms(t, "firstTokenP50Ms"));
        JsonNode c = n.path("cost");
        Cost cost = c.isObject() ? new Cost(new Prices(c.path("inputPerMillion").asDouble(),
                c.path("outputPerMillion").asDouble()), c.path("usd").asDouble(), c.path("lowerBound").asBoolean())
                : null;
        java.util.List<ReplicaShare> replicas = new java.util.ArrayList<>();
        for (JsonNode r : n.path("replicas")) {
            replicas.add(new ReplicaShare(r.path("endpoint").asText(), r.path("requests").asLong(),
                    r.path("answered").asLong(), r.path("servedDigest").isTextual()
                    ? r.path("servedDigest").asText() : null));
        }
        return new RunMetadata(n.path("startedAt").asText(), n.path("endedAt").asText(),
                n.path("durationSeconds").asDouble(), n.path("attempts").asInt(1), n.path("killedAttempts").asInt(0),
                n.path("requests").asLong(),
                n.path("retries").asLong(), totals, cost, replicas);
    }

    private static double ms(JsonNode t, String name) {
        JsonNode v = t.path(name);
        return v.isNumber() ? v.asDouble() : -1;
    }
}
