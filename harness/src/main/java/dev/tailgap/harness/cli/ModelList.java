package dev.tailgap.harness.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgap.harness.Suggestions;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code models} list of a {@code tailgap run --config} file: several models to run with the file's other
 * settings, each a mapping with {@code model} (required) and optionally its own {@code base-url} (a URL, or a list of
 * replicas), {@code api-key-env}, {@code api} and {@code option} (a mapping), spelled as the run options are:
 *
 * <pre>
 * models:
 *   - model: openai:Qwen/Qwen2.5-7B-Instruct
 *     base-url: http://127.0.0.1:8000/v1
 *   - model: openai:gpt-4o-mini
 *     api-key-env: OPENAI_API_KEY
 * </pre>
 *
 * Every mistake is a usage error naming the file and line.
 */
final class ModelList {
    /** The top-level key of the list. */
    static final String KEY = "models";
    private static final List<String> KEYS = List.of("model", "base-url", "api-key-env", "api", "option");
    private static final YAMLFactory YAML = new YAMLFactory();

    /** One model of the list, with where it was written ({@code file:line}). */
    record Entry(String model, List<String> baseUrls, String apiKeyEnv, String api, Map<String, String> options,
                 String origin) {
        Entry {
            baseUrls = List.copyOf(baseUrls);
            options = Map.copyOf(options);
        }
    }

    private ModelList() {
    }

    /** The file's models, in order; empty when it has no {@code models} key. */
    static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = YAML.createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out; // ConfigFile reports a file that is not a mapping
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (!KEY.equals(key)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw error(file, at, "'models' is a list of mappings, each with a 'model' (and optionally "
                            + "base-url, api-key-env, api, option)");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(entry(file, p));
                }
            }
        } catch (IOException e) {
            throw ConfigFile.unreadable(file, e);
        }
        return out;
    }

    private static Entry entry(Path file, JsonParser p) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        String origin = file + ":" + start.getLineNr();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(file, start, "each entry of 'models' is a mapping such as {model: openai:gpt-4o-mini}");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> baseUrls = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            JsonToken value = p.nextToken();
            if (!KEYS.contains(key)) {
                throw error(file, at, "unknown key '" + key + "' in a models entry (known: "
                        + String.join(", ", KEYS) + ")" + Suggestions.hint(key, KEYS));
            }
            if ("option".equals(key)) {
                if (value != JsonToken.START_OBJECT) {
                    throw error(file, at, "option: expected a mapping of provider options, got " + kind(value));
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (!v.isScalarValue()) {
                        throw error(file, p.currentTokenLocation(), "option " + name + ": expected a value, got "
                                + kind(v));
                    }
                    options.put(name, p.getText());
                }
            } else if ("base-url".equals(key) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) { // replicas
                    if (!p.currentToken().isScalarValue() || p.currentToken() == JsonToken.VALUE_NULL) {
                        throw error(file, p.currentTokenLocation(), "base-url: expected a URL, got "
                                + kind(p.currentToken()));
                    }
                    baseUrls.add(p.getText());
                }
            } else if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                throw error(file, at, key + ": expected text, got " + kind(value));
            } else if ("base-url".equals(key)) {
                baseUrls.add(p.getText());
            } else {
                fields.put(key, p.getText());
            }
        }
        if (!fields.containsKey("model")) {
            throw error(file, start, "a models entry needs 'model: PROVIDER:MODEL'");
        }
        return new Entry(fields.get("model"), baseUrls, fields.get("api-key-env"), fields.get("api"), options, origin);
    }

    /** A YAML value's kind in words, for messages. */
    static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "nothing";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "text";
        };
    }

    private static TailgapException error(Path file, JsonLocation at, String message) {
        return TailgapException.usage(file + ":" + at.getLineNr() + ": " + message);
    }
}
