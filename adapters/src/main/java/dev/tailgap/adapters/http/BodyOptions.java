package dev.tailgap.adapters.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request-body fields passed through to the endpoint as they are: the adapter options {@code body.KEY=VALUE}
 * ({@code -o body.top_k=40}). {@code KEY} is a dotted path into the JSON body ({@code body.chat_template_kwargs.
 * enable_thinking=false} sets {@code {"chat_template_kwargs": {"enable_thinking": false}}}); {@code VALUE} is read as
 * one JSON value when it is one (a number, {@code true}/{@code false}, {@code null}, an object, an array, a quoted
 * string) and is otherwise the string as given ({@code body.keep_alive=5m}). Objects merge into what is already there,
 * anything else replaces it.
 *
 * <p>Fields the adapter sets itself from the run's settings (model, messages, temperature, max tokens, stop, seed,
 * stream) cannot be passed through: {@link #refuse} names the flag to use instead. Being adapter options, they are
 * part of the run spec and of the response cache key as given. Immutable.
 */
public final class BodyOptions {
    /** The option-name prefix. */
    public static final String PREFIX = "body.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader ONE_VALUE = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One field: its path in the body, its value, and the option it came from. */
    private record Field(List<String> path, JsonNode value, String option) {
    }

    private final List<Field> fields;

    private BodyOptions(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The {@code body.} options of {@code config}, in option-name order; an empty path segment is refused. */
    public static BodyOptions of(AdapterConfig config) throws AdapterConfigException {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String> e : config.options().entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = e.getKey().substring(PREFIX.length());
            List<String> path = Arrays.asList(key.split("\\.", -1));
            if (key.isEmpty() || path.contains("")) {
                throw new AdapterConfigException("option " + e.getKey() + " has an empty field name; write "
                        + "body.FIELD=VALUE or body.FIELD.SUBFIELD=VALUE");
            }
            fields.add(new Field(List.copyOf(path), parse(e.getValue()), e.getKey()));
        }
        return new BodyOptions(fields);
    }

    /** {@code value} as one JSON value, or as a string when it is not one. */
    static JsonNode parse(String value) {
        try {
            JsonNode n = ONE_VALUE.readTree(value);
            return n == null || n.isMissingNode() ? TextNode.valueOf(value) : n;
        } catch (IOException e) {
            return TextNode.valueOf(value);
        }
    }

    /**
     * Refuses fields the adapter sets itself: {@code owned} maps a dotted path ({@code temperature},
     * {@code options.num_predict}) to the flag that sets it. A field refused is one whose path, or the path of any
     * value inside it, starts with an owned path, or one that would replace an object holding an owned path.
     */
    public void refuse(Map<String, String> owned, String provider) throws AdapterConfigException {
        for (Field f : fields) {
            for (List<String> leaf : leaves(f.path(), f.value())) {
                for (Map.Entry<String, String> o : owned.entrySet()) {
                    List<String> op = Arrays.asList(o.getKey().split("\\."));
                    if (startsWith(leaf, op) || startsWith(op, leaf)) {
                        throw new AdapterConfigException("option " + f.option() + ": the " + provider
                                + " adapter sets " + o.getKey() + " itself; use " + o.getValue() + " instead");
                    }
                }
            }
        }
    }

    /** These fields with every path whose first name is not in {@code topLevel} moved under {@code field}. */
    public BodyOptions under(String field, Set<String> topLevel) {
        List<Field> moved = new ArrayList<>(fields.size());
        for (Field f : fields) {
            if (topLevel.contains(f.path().get(0))) {
                moved.add(f);
            } else {
                List<String> p = new ArrayList<>(f.path().size() + 1);
                p.add(field);
                p.addAll(f.path());
                moved.add(new Field(List.copyOf(p), f.value(), f.option()));
            }
        }
        return new BodyOptions(moved);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Sets every field in {@code body}, creating the objects on its path; objects merge, other values replace. */
    public void mergeInto(ObjectNode body) {
        for (Field f : fields) {
            ObjectNode at = body;
            List<String> path = f.path();
            for (String name : path.subList(0, path.size() - 1)) {
                JsonNode next = at.get(name);
                at = next instanceof ObjectNode o ? o : at.putObject(name);
            }
            String last = path.get(path.size() - 1);
            JsonNode old = at.get(last);
            if (old instanceof ObjectNode o && f.value() instanceof ObjectNode v) {
                merge(o, v);
            } else {
                at.set(last, f.value().deepCopy());
            }
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = into.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode v) {
                merge(o, v);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static Collection<List<String>> leaves(List<String> path, JsonNode value) {
        List<List<String>> out = new ArrayList<>();
        if (value instanceof ObjectNode o && !o.isEmpty()) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> p = new ArrayList<>(path);
                p.add(e.getKey());
                out.addAll(leaves(p, e.getValue()));
            }
        } else {
            out.add(path);
        }
        return out;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
