package dev.tailgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A second reader of item-log lines, independent of {@link ItemLineParser}: the whole line as a Jackson tree, then
 * typed access field by field. The reference the streaming parser must agree with, result for result and error
 * message for error message.
 */
final class TreeItemLines {
    private TreeItemLines() {
    }

    /** The line's UTF-8 bytes as one tree, then the result: what the item-log reader met, byte for byte. */
    static ItemResult parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = JsonTrees.MAPPER.readTree(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + JsonTrees.oneLine(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("invalid JSON: empty input");
        }
        return fromTree(node);
    }

    private static String stringOrNull(JsonTrees.Obj o, String name) {
        return o.absentOrNull(name) ? null : o.string(name);
    }

    private static long longValue(JsonTrees.Obj o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw JsonTrees.Obj.fail(o.field(name), "expected an integer", v);
        }
        return v.longValue();
    }

    private static List<String> strings(JsonTrees.Obj o, String name) {
        JsonNode a = o.array(name);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            if (!v.isTextual()) {
                throw JsonTrees.Obj.fail(o.field(name) + "[" + i + "]", "expected a string", v);
            }
            out.add(v.textValue());
        }
        return out;
    }

    static ItemResult fromTree(JsonNode node) {
        JsonTrees.Obj o = JsonTrees.Obj.of(node, "");
        String id = o.string("id");
        String question = stringOrNull(o, "question");
        List<String> answers = strings(o, "answers");
        String concept = stringOrNull(o, "concept");
        String relation = stringOrNull(o, "relation");
        double frequency = o.number("frequency");
        if (!Double.isFinite(frequency)) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + o.get("frequency"));
        }
        String bucket = o.string("bucket");
        String rawAnswer = stringOrNull(o, "rawAnswer");
        String extracted = stringOrNull(o, "extracted");
        Outcome outcome = outcome(o, "outcome");
        String error = stringOrNull(o, "error");
        long latencyMs = longValue(o, "latencyMs");
        int promptTokens = o.intValue("promptTokens");
        int completionTokens = o.intValue("completionTokens");
        String reason = stringOrNull(o, "reason");
        JudgeVerdict judge = null;
        if (!o.absentOrNull("judge")) {
            JsonTrees.Obj j = o.obj("judge");
            judge = new JudgeVerdict(stringOrNull(j, "verdict"), stringOrNull(j, "reply"), j.string("judge"),
                    outcome(j, "ruleOutcome"));
        }
        JsonNode firstToken = node.get("firstTokenMs");
        JsonNode attempt = node.get("attempt");
        return new ItemResult(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted,
                outcome, error, latencyMs, promptTokens, completionTokens, stringOrNull(o, "finishReason"),
                stringOrNull(o, "reasoning"), stringOrNull(o, "servedModel"), stringOrNull(o, "fingerprint"),
                firstToken != null && firstToken.canConvertToLong() ? firstToken.asLong() : -1,
                node.path("cached").asBoolean(false),
                attempt != null && attempt.canConvertToInt() && attempt.asInt() >= 1 ? attempt.asInt() : 1, reason,
                judge, shots(o), samples(o));
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

    static List<String> shots(JsonTrees.Obj o) {
        return o.absentOrNull("shots") ? List.of() : strings(o, "shots");
    }

    static List<SampleAnswer> samples(JsonTrees.Obj o) {
        if (o.absentOrNull("samples")) {
            return List.of();
        }
        JsonNode a = o.array("samples");
        List<SampleAnswer> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonTrees.Obj s = JsonTrees.Obj.of(a.get(i), o.field("samples") + "[" + i + "]");
            out.add(new SampleAnswer(stringOrNull(s, "rawAnswer"), stringOrNull(s, "extracted"),
                    outcome(s, "outcome"), stringOrNull(s, "error")));
        }
        return out;
    }
}
