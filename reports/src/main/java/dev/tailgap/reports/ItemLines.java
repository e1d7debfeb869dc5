package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One {@link ItemResult} as one line of an {@link ItemLog} and back, in the format {@link ItemLog} documents. */
final class ItemLines {
    private ItemLines() {
    }

    /**
     * One result as a single JSON line, without the trailing newline (string values never contain a raw newline).
     *
     * @throws IllegalArgumentException if {@code frequency} is NaN or infinite
     */
    static String toJsonLine(ItemResult r) {
        if (!Double.isFinite(r.frequency())) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + r.frequency()
                    + " (item " + r.id() + ")");
        }
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("question", r.question());
            g.writeArrayFieldStart("answers");
            for (String a : r.answers()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeStringField("concept", r.concept());
            g.writeStringField("relation", r.relation());
            g.writeFieldName("frequency");
            g.writeNumber(Numbers.jsonFrequency(r.frequency()));
            g.writeStringField("bucket", r.bucket());
            g.writeStringField("rawAnswer", r.rawAnswer());
            g.writeStringField("extracted", r.extracted());
            g.writeStringField("outcome", r.outcome().name());
            g.writeStringField("error", r.error());
            g.writeNumberField("latencyMs", r.latencyMs());
            g.writeNumberField("promptTokens", r.promptTokens());
            g.writeNumberField("completionTokens", r.completionTokens());
            optional(g, "finishReason", r.finishReason());
            optional(g, "reasoning", r.reasoning());
            optional(g, "servedModel", r.servedModel());
            optional(g, "fingerprint", r.fingerprint());
            if (r.firstTokenMs() >= 0) {
                g.writeNumberField("firstTokenMs", r.firstTokenMs());
            }
            if (r.cached()) {
                g.writeBooleanField("cached", true);
            }
            if (r.attempt() > 1) {
                g.writeNumberField("attempt", r.attempt());
            }
            if (r.reason() != null) {
                g.writeStringField("reason", r.reason());
            }
            JudgeVerdict j = r.judge();
            if (j != null) {
                g.writeObjectFieldStart("judge");
                g.writeStringField("verdict", j.verdict());
                g.writeStringField("reply", j.reply());
                g.writeStringField("judge", j.judge());
                g.writeStringField("ruleOutcome", j.ruleOutcome().name());
                g.writeEndObject();
            }
            RepeatsJson.write(g, r);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    static ItemResult fromTree(JsonNode node) {
        JsonTrees.Obj o = JsonTrees.Obj.of(node, "");
        String id = o.string("id");
        String question = o.stringOrNull("question");
        java.util.List<String> answers = o.strings("answers");
        String concept = o.stringOrNull("concept");
        String relation = o.stringOrNull("relation");
        double frequency = o.number("frequency");
        if (!Double.isFinite(frequency)) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + o.get("frequency"));
        }
        String bucket = o.string("bucket");
        String rawAnswer = o.stringOrNull("rawAnswer");
        String extracted = o.stringOrNull("extracted");
        Outcome outcome = outcome(o, "outcome");
        String error = o.stringOrNull("error");
        long latencyMs = o.longValue("latencyMs");
        int promptTokens = o.intValue("promptTokens");
        int completionTokens = o.intValue("completionTokens");
        String reason = o.stringOrNull("reason");
        JudgeVerdict judge = null;
        if (!o.absentOrNull("judge")) {
            JsonTrees.Obj j = o.obj("judge");
            judge = new JudgeVerdict(j.stringOrNull("verdict"), j.stringOrNull("reply"), j.string("judge"),
                    outcome(j, "ruleOutcome"));
        }
        JsonNode firstToken = node.get("firstTokenMs");
        JsonNode attempt = node.get("attempt");
        return new ItemResult(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted,
                outcome, error, latencyMs, promptTokens, completionTokens, o.stringOrNull("finishReason"),
                o.stringOrNull("reasoning"), o.stringOrNull("servedModel"), o.stringOrNull("fingerprint"),
                firstToken != null && firstToken.canConvertToLong() ? firstToken.asLong() : -1,
                node.path("cached").asBoolean(false),
                attempt != null && attempt.canConvertToInt() && attempt.asInt() >= 1 ? attempt.asInt() : 1, reason,
                judge, RepeatsJson.shots(o), RepeatsJson.samples(o));
    }

    static Outcome outcome(JsonTrees.Obj o, String field) {
        String name = o.string(field);
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + o.field(field) + "': unknown value \"" + name
                    + "\", expected CORRECT, HALLUCINATED, ABSTAINED or ERROR");
        }
    }
}
