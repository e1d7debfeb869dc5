package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /** Reads a {@code meta} object in place, inside a line. */
    private static final ObjectReader META = MAPPER.readerFor(Map.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Largest magnitude below which an integral double is written without a fraction (2^53). */
    private static final double EXACT_LONG = 9007199254740992.0;

    /** The JSON Lines key of {@link Item#conceptAliases()}. */
    static final String CONCEPT_ALIASES = "conceptAliases";

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
        conceptAliases(node.get(CONCEPT_ALIASES), counting);
        return counting.n == 0 ? (ObjectNode) node : null;
    }

    /** The id and frequency of a valid line, all the loader keeps of it. */
    record Key(String id, double frequency) {
    }

    /** {@link #scan}'s result for the loader: the line's id and frequency, or {@code null} (then call {@link #check}). */
    static Key scanKey(String line) {
        Fields f = scan(line, false);
        return f == null ? null : new Key(f.id, f.frequency);
    }

    /** {@link #scan}'s result as an item, or {@code null} (then call {@link #check} and {@link #toItem}). */
    static Item scanItem(String line) {
        Fields f = scan(line, true);
        return f == null ? null : new Item(f.id, f.question, f.answers, f.concept, f.frequency,
                f.relation == null || f.relation.isEmpty() ? null : f.relation, f.meta, f.conceptAliases);
    }

    /** The fields of one line as {@link #scan} reads them. */
    private static final class Fields {
        String id;
        String question;
        String concept;
        String relation;
        List<String> answers;
        double frequency = Double.NaN;
        Map<String, Object> meta = Map.of();
        List<String> conceptAliases = List.of();
    }

    /**
     * The fast path for a line that is a plainly valid item: one pass of a streaming parser, no tree. Returns its
     * fields ({@code meta} only when {@code full}), or {@code null} when the line is anything but a valid item with a
     * string or null {@code relation} and an object or null {@code meta}; then {@link #check} decides and names the
     * problems. It accepts nothing {@link #check} rejects and reads the same values.
     */
    private static Fields scan(String line, boolean full) {
        try (JsonParser p = MAPPER.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields f = new Fields();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                switch (key) {
                    case "id":
                        if ((f.id = nonBlank(p, t)) == null) {
                            return null;
                        }
                        break;
                    case "question":
                        if ((f.question = nonBlank(p, t)) == null) {
                            return null;
                        }
                        break;
                    case "concept":
                        if ((f.concept = nonBlank(p, t)) == null) {
                            return null;
                        }
                        break;
                    case "answers":
                        if ((f.answers = answers(p, t)) == null) {
                            return null;
                        }
                        break;
                    case "frequency":
                        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                            return null;
                        }
                        f.frequency = p.getDoubleValue();
                        break;
                    case "relation":
                        if (t == JsonToken.VALUE_STRING) {
                            f.relation = p.getText();
                        } else if (t != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        break;
                    case CONCEPT_ALIASES:
                        if (t == JsonToken.START_ARRAY) {
                            List<String> aliases = answers(p, t);
                            if (aliases == null) {
                                if (p.currentToken() != JsonToken.END_ARRAY) {
                                    return null;
                                }
                                aliases = List.of();
                            }
                            f.conceptAliases = aliases;
                        } else if (t != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        break;
                    case "meta":
                        if (t == JsonToken.START_OBJECT) {
                            if (full) {
                                f.meta = META.readValue(p);
                            } else {
                                p.skipChildren();
                            }
                        } else if (t != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            boolean valid = p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null && f.id != null
                    && f.question != null && f.concept != null && f.answers != null && f.frequency >= 0
                    && !Double.isInfinite(f.frequency);
            return valid ? f : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String nonBlank(JsonParser p, JsonToken t) throws java.io.IOException {
        if (t != JsonToken.VALUE_STRING) {
            return null;
        }
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    /** The answers array's strings, or null unless it is a non-empty array of non-blank strings. */
    private static List<String> answers(JsonParser p, JsonToken t) throws java.io.IOException {
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> out = new ArrayList<>(4);
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            String a = nonBlank(p, e);
            if (a == null) {
                return null;
            }
            out.add(a);
        }
        return out.isEmpty() ? null : out;
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
        List<String> aliases = new ArrayList<>();
        JsonNode aliasNode = node.get(CONCEPT_ALIASES);
        if (aliasNode != null && aliasNode.isArray()) {
            aliasNode.forEach(a -> aliases.add(a.textValue()));
        }
        return new Item(node.get("id").textValue(), node.get("question").textValue(), answers,
                node.get("concept").textValue(), node.get("frequency").doubleValue(), rel, metaMap, aliases);
    }

    /** The canonical one-line JSON form of {@code item}, without a line terminator. */
    static String toJsonLine(Item item) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", item.id());
        o.put("question", item.question());
        ArrayNode answers = o.putArray("answers");
        item.answers().forEach(answers::add);
        o.put("concept", item.concept());
        if (!item.conceptAliases().isEmpty()) {
            ArrayNode aliases = o.putArray(CONCEPT_ALIASES);
            item.conceptAliases().forEach(aliases::add);
        }
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

    private static void conceptAliases(JsonNode v, ProblemSink sink) {
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isArray()) {
            sink.problem(CONCEPT_ALIASES, "must be an array of strings, got " + describe(v));
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode a = v.get(i);
            if (!a.isTextual() || a.textValue().isBlank()) {
                sink.problem(CONCEPT_ALIASES + "[" + i + "]", "must be a non-empty string, got " + describe(a));
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
