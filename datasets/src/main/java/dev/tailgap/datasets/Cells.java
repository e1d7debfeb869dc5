package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads typed values out of table cells for the importers, reporting each bad cell as a problem of its row.
 *
 * <p>Contract: a text value is stripped; a value longer than {@value #MAX_CHARS} characters is a problem (no question
 * or answer is that long: usually a quote left open); lists come from a list cell, a JSON array in a string, a string
 * split on a separator, or one value, with blanks and repeats dropped; numbers come from a number cell or a decimal
 * string and must be finite and {@code >= 0}; ids that are numbers get a prefix, missing ids are derived from the
 * question's sha256, so the same row always gets the same id.
 */
final class Cells {

    /** The longest text value accepted. */
    static final int MAX_CHARS = 100_000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,18}");

    private final ImportSink sink;
    private final String location;
    private final long line;
    private int problems;

    Cells(ImportSink sink, String location, long line) {
        this.sink = sink;
        this.location = location;
        this.line = line;
    }

    /** Whether a problem was reported through this row. */
    boolean bad() {
        return problems > 0;
    }

    /** How many problems were reported through this row so far. */
    int problems() {
        return problems;
    }

    void problem(String field, String message) {
        problems++;
        sink.problem(location, line, field, message);
    }

    /** The text of a cell, or {@code null} when missing or blank. */
    String text(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List || value instanceof Map) {
            problem(field, "must be text, got " + (value instanceof List ? "a list" : "an object"));
            return null;
        }
        String s = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15 ? Long.toString(d.longValue())
                : value.toString();
        if (s.length() > MAX_CHARS) {
            problem(field, "value is " + String.format(java.util.Locale.ROOT, "%,d", s.length())
                    + " characters long (at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_CHARS)
                    + "): is a quote left open?");
            return null;
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** A required text cell; missing is a problem. */
    String required(String field, Object value) {
        int before = problems;
        String s = text(field, value);
        if (s == null && problems == before) {
            problem(field, "missing (empty)");
        }
        return s;
    }

    /**
     * The strings of a list cell: a list, a JSON array in a string, a string split on {@code separator} (when not
     * {@code null}), or else the one value; {@code null} after a problem.
     */
    List<String> list(String field, Object value, String separator) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof List || o instanceof Map) {
                    problem(field, "must be a list of strings, got a nested " + (o instanceof List ? "list" : "object"));
                    return null;
                }
                String s = o == null ? null : text(field, o);
                if (s != null) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        }
        int before = problems;
        String s = text(field, value);
        if (s == null) {
            return problems > before ? null : List.of();
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            try {
                JsonNode node = ItemCodec.MAPPER.readTree(s);
                for (JsonNode a : node) {
                    if (!a.isValueNode() || a.isNull()) {
                        problem(field, "must be a JSON list of strings, got " + ItemCodec.describe(a) + " in it");
                        return null;
                    }
                    String v = a.asText().strip();
                    if (!v.isEmpty()) {
                        out.add(v);
                    }
                }
                return List.copyOf(out);
            } catch (JsonProcessingException e) {
                if (separator == null) {
                    problem(field, "looks like a JSON list but is not valid JSON: "
                            + ItemCodec.cleanJsonMessage(e.getOriginalMessage()));
                    return null;
                }
            }
        }
        if (separator != null) {
            for (String part : s.split(Pattern.quote(separator), -1)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return List.copyOf(out);
        }
        return List.of(s);
    }

    /** A required number {@code >= 0}; {@code null} after a problem. */
    Double frequency(String field, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d >= 0 && !Double.isInfinite(d)) {
                return d;
            }
            problem(field, "must be a number >= 0, got " + value);
            return null;
        }
        int before = problems;
        String s = text(field, value);
        if (s == null) {
            if (problems == before) {
                problem(field, "missing (required, a number >= 0)");
            }
            return null;
        }
        if (!NUMBER.matcher(s).matches() || !(Double.parseDouble(s) >= 0) || Double.isInfinite(Double.parseDouble(s))) {
            problem(field, "must be a number >= 0, got " + ItemCodec.quote(s));
            return null;
        }
        return Double.parseDouble(s);
    }

    /** A cell value for {@code meta}: numbers and booleans kept, numeric and true/false strings typed. */
    static Object metaValue(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        if ("true".equals(s) || "false".equals(s)) {
            return Boolean.valueOf(s);
        }
        if (NUMBER.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            if (!Double.isInfinite(d)) {
                return d == Math.rint(d) && Math.abs(d) < 9e15 && !s.contains(".") && !s.contains("e")
                        && !s.contains("E") ? (Object) (long) d : (Object) d;
            }
        }
        return s;
    }

    /** The extra cells of a row (those not in {@code mapped}, non-empty) as {@code meta}. */
    static Map<String, Object> meta(Map<String, Object> cells, java.util.Collection<String> mapped) {
        Map<String, Object> meta = new TreeMap<>();
        cells.forEach((k, v) -> {
            if (!mapped.contains(k) && v != null && !(v instanceof String s && s.isBlank())) {
                meta.put(k, metaValue(v instanceof String s ? s.strip() : v));
            }
        });
        return meta;
    }

    /**
     * A stable id: {@code prefix:N} for a number, the text as is otherwise, and for a missing id {@code prefix:}
     * followed by 12 hex digits of the sha256 of {@code question}.
     */
    static String id(String prefix, String raw, String question) {
        if (raw == null) {
            return prefix + ":" + Hashing.hex(Hashing.sha256().digest(question.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 12);
        }
        return INTEGER.matcher(raw).matches() ? prefix + ":" + raw : raw;
    }

    /** The names in {@code wanted} that {@code header} lacks. */
    static List<String> missing(List<String> header, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (!header.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
