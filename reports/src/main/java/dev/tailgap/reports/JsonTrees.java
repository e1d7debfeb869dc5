package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON reading for {@link JsonReport}, and the factory {@link ItemLog}'s lines are written and parsed with:
 * trailing tokens and duplicate keys are errors, and every failure is a one-line {@link IllegalArgumentException}
 * naming the field.
 */
final class JsonTrees {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonTrees() {
    }

    static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("invalid JSON: empty input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + oneLine(e), e);
        }
    }

    static String oneLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        String first = m.strip().split("\\R", 2)[0];
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            first += " (column " + j.getLocation().getColumnNr() + ")";
        }
        return first;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing (missing)";
        }
        return switch (n.getNodeType()) {
            case NULL -> "null";
            case STRING -> "a string";
            case NUMBER -> n.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Typed, path-aware access to one JSON object's fields. */
    static final class Obj {
        final JsonNode node;
        final String path;

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        static Obj of(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw fail(path, "expected an object", node);
            }
            return new Obj(node, path);
        }

        String field(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        static IllegalArgumentException fail(String path, String expected, JsonNode got) {
            String where = path.isEmpty() ? "document" : "field '" + path + "'";
            return new IllegalArgumentException(where + ": " + expected + ", got " + kind(got));
        }

        JsonNode get(String name) {
            return node.get(name);
        }

        boolean absentOrNull(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull();
        }

        String string(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isTextual()) {
                throw fail(field(name), "expected a string", v);
            }
            return v.textValue();
        }

        /** A string, or null when the field is null (the field must be present). */
        String nullableString(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                throw fail(field(name), "expected a string or null", null);
            }
            return v.isNull() ? null : string(name);
        }

        int intValue(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw fail(field(name), "expected an integer (32-bit)", v);
            }
            return v.intValue();
        }

        boolean bool(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isBoolean()) {
                throw fail(field(name), "expected true or false", v);
            }
            return v.booleanValue();
        }

        double number(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isNumber()) {
                throw fail(field(name), "expected a number", v);
            }
            return v.doubleValue();
        }

        /** A number, or NaN when the field is JSON null (the field must be present). */
        double numberOrNaN(String name) {
            JsonNode v = node.get(name);
            if (v == null || !(v.isNumber() || v.isNull())) {
                throw fail(field(name), "expected a number or null", v);
            }
            return v.isNull() ? Double.NaN : v.doubleValue();
        }

        Obj obj(String name) {
            return of(node.get(name), field(name));
        }

        /** The object, or null when the field is JSON null (the field must be present). */
        Obj objOrNull(String name) {
            JsonNode v = node.get(name);
            if (v != null && v.isNull()) {
                return null;
            }
            if (v == null || !v.isObject()) {
                throw fail(field(name), "expected an object or null", v);
            }
            return new Obj(v, field(name));
        }

        JsonNode array(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isArray()) {
                throw fail(field(name), "expected an array", v);
            }
            return v;
        }
    }

    /**
     * A JSON value as plain Java: objects become insertion-ordered maps, arrays lists, integers {@link Integer},
     * {@link Long} or {@link java.math.BigInteger} (the smallest that fits), other numbers {@link Double}.
     */
    static Object toJava(JsonNode n) {
        switch (n.getNodeType()) {
            case NULL:
            case MISSING:
                return null;
            case STRING:
                return n.textValue();
            case BOOLEAN:
                return n.booleanValue();
            case NUMBER:
                if (n.isIntegralNumber()) {
                    if (n.canConvertToInt()) {
                        return n.intValue();
                    }
                    return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
                }
                return n.doubleValue();
            case ARRAY: {
                List<Object> list = new ArrayList<>(n.size());
                n.forEach(e -> list.add(toJava(e)));
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                n.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
                return map;
            }
            default:
                throw new IllegalArgumentException("unsupported JSON value: " + n.getNodeType());
        }
    }

}
