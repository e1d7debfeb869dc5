package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads, validates and writes the canonical JSON Lines form of one {@link Item}. */
final class ItemCodec {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Largest magnitude below which an integral double is written without a fraction (2^53). */
    private static final double EXACT_LONG = 9007199254740992.0;

    /** Receives the problems of one line. */
    interface ProblemSink {
        void problem(String field, String message);
    }

    private ItemCodec() {
    }

    /**
     * Parses and validates one non-blank line. Every problem goes to {@code sink}; the parsed object is returned only
     * when the line is a valid item, else {@code null}.
     */
    static ObjectNode check(String line, ProblemSink sink) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            sink.problem("json", jsonError(e));
            return null;
        }
        if (!(node instanceof ObjectNode)) {
            sink.problem("json", "expected a JSON object, got " + describe(node));
            return null;
        }
        Counter counting = new Counter(sink);
        requiredText(node, "id", counting);
        requiredText(node, "question", counting);
        answers(node.get("answers"), counting);
        requiredText(node, "concept", counting);
        frequency(node.get("frequency"), counting);
        JsonNode relation = node.get("relation");
        if (relation != null && !relation.isNull() && !relation.isTextual()) {
            counting.problem("relation", "must be a string, got " + describe(relation));
        }
        JsonNode meta = node.get("meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            counting.problem("meta", "must be an object, got " + describe(meta));
        }
        return counting.n == 0 ? (ObjectNode) node : null;
    }

    /** Converts a line accepted by {@link #check} into an item. */
    @SuppressWarnings("unchecked")
    static Item toItem(ObjectNode node) {
        List<String> answers = new ArrayList<>();
        node.get("answers").forEach(a -> answers.add(a.textValue()));
        JsonNode relation = node.get("relation");
        String rel = relation == null || relation.isNull() || relation.textValue().isEmpty() ? null
                : relation.textValue();
        JsonNode meta = node.get("meta");
        Map<String, Object> metaMap = meta == null || meta.isNull() ? Map.of() : MAPPER.convertValue(meta, Map.class);
        return new Item(node.get("id").textValue(), node.get("question").textValue(), answers,
                node.get("concept").textValue(), node.get("frequency").doubleValue(), rel, metaMap);
    }

    /** The canonical one-line JSON form of {@code item}, without a line terminator. */
    static String toJsonLine(Item item) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", item.id());
        o.put("question", item.question());
        ArrayNode answers = o.putArray("answers");
        item.answers().forEach(answers::add);
        o.put("concept", item.concept());
        double f = item.frequency();
        if (f == Math.rint(f) && Math.abs(f) < EXACT_LONG) {
            o.put("frequency", (long) f);
        } else {
            o.put("frequency", f);
        }
        if (item.relation() != null && !item.relation().isEmpty()) {
            o.put("relation", item.relation());
        }
        if (!item.meta().isEmpty()) {
            o.set("meta", MAPPER.valueToTree(item.meta()));
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("item " + item.id() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A short description of a JSON value for "got ..." messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return quote(node.textValue()) + " (a string)";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNumber() ? node.asText() : node.toString();
    }

    /** {@code s} as a JSON string literal, shortened to 40 characters. */
    static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return MAPPER.getNodeFactory().textNode(shown).toString();
    }

    private static void requiredText(JsonNode node, String field, ProblemSink sink) {
        JsonNode v = node.get(field);
        if (v == null) {
            sink.problem(field, "missing (required, a non-empty string)");
        } else if (!v.isTextual() || v.textValue().isBlank()) {
            sink.problem(field, "must be a non-empty string, got " + describe(v));
        }
    }

    private static void answers(JsonNode v, ProblemSink sink) {
        if (v == null) {
            sink.problem("answers", "missing (required, a non-empty array of strings; the first is canonical)");
        } else if (!v.isArray()) {
            sink.problem("answers", "must be a non-empty array of strings, got " + describe(v));
        } else if (v.isEmpty()) {
            sink.problem("answers", "must not be empty (the first answer is the canonical one)");
        } else {
            for (int i = 0; i < v.size(); i++) {
                JsonNode a = v.get(i);
                if (!a.isTextual() || a.textValue().isBlank()) {
                    sink.problem("answers[" + i + "]", "must be a non-empty string, got " + describe(a));
                }
            }
        }
    }

    private static void frequency(JsonNode v, ProblemSink sink) {
        if (v == null) {
            sink.problem("frequency", "missing (required, a number >= 0)");
        } else if (!v.isNumber() || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
            sink.problem("frequency", "must be a number >= 0, got " + describe(v));
        }
    }

    private static String jsonError(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Trailing token")) {
            return "extra content after the JSON value (one item per line)";
        }
        String first = original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse("");
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "not valid JSON" + (column > 0 ? " (column " + column + ")" : "") + ": " + first;
    }

    /** Counts problems while forwarding them. */
    private static final class Counter implements ProblemSink {
        private final ProblemSink delegate;
        private int n;

        Counter(ProblemSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void problem(String field, String message) {
            n++;
            delegate.problem(field, message);
        }
    }
}
