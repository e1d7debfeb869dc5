package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code NAME.manifest.yaml}: a flat YAML mapping of the {@link Manifest} fields. */
final class ManifestIo {

    /** The manifest keys, in the order they are written. */
    static final List<String> KEYS = List.of("name", "version", "description", "license", "source", "attribution",
            "frequencySource", "bucketing", "aliasRule");

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
            .build();

    private ManifestIo() {
    }

    /**
     * Reads a manifest. Unknown, repeated or non-scalar keys, a missing or empty {@code name} or {@code version}, an
     * invalid {@code bucketing} and malformed YAML fail with a problem naming {@code location}, line and key.
     */
    static Manifest read(String location, InputStream in) throws DatasetException {
        Map<String, String> values = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw fail(location, 1, "manifest", "is empty; expected keys " + String.join(", ", KEYS));
            }
            if (first != JsonToken.START_OBJECT) {
                throw fail(location, line(p), "manifest", "expected a mapping of keys " + String.join(", ", KEYS));
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                long line = line(p);
                if (!KEYS.contains(key)) {
                    throw fail(location, line, key, "unknown key (valid keys: " + String.join(", ", KEYS) + ")");
                }
                if (values.containsKey(key)) {
                    throw fail(location, line, key, "repeated key (first on line " + lines.get(key) + ")");
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    throw fail(location, line, key, "must be a single text value");
                }
                values.put(key, v == JsonToken.VALUE_NULL ? "" : p.getText());
                lines.put(key, line);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw fail(location, line, "yaml", "not valid YAML: " + msg);
        } catch (IOException e) {
            throw new DatasetException(location + ": cannot read manifest: " + e.getMessage(), e);
        }
        for (String required : List.of("name", "version")) {
            String v = values.get(required);
            if (v == null || v.isBlank()) {
                throw fail(location, lines.getOrDefault(required, 0L), required,
                        v == null ? "missing (required)" : "must not be empty");
            }
        }
        String bucketing = values.get("bucketing");
        if (bucketing != null && !bucketing.isBlank()) {
            try {
                BucketScheme.parse(bucketing);
            } catch (IllegalArgumentException e) {
                throw fail(location, lines.get("bucketing"), "bucketing", e.getMessage());
            }
        }
        String aliasRule = values.get("aliasRule");
        if (aliasRule != null && !aliasRule.isBlank() && !aliasRule.equals(Manifest.GUARDED_ALIASES)
                && !aliasRule.equals(Manifest.PLAIN_ALIASES)) {
            throw fail(location, lines.get("aliasRule"), "aliasRule", "must be " + Manifest.GUARDED_ALIASES + " or "
                    + Manifest.PLAIN_ALIASES + ", got '" + aliasRule + "'");
        }
        return new Manifest(values.get("name"), values.get("version"), values.get("description"),
                values.get("license"), values.get("source"), values.get("attribution"), values.get("frequencySource"),
                bucketing, aliasRule);
    }

    /**
     * The canonical YAML text of {@code m}: every key, in {@link #KEYS} order, one line each, LF line ends;
     * {@code aliasRule} only when it is not the default.
     */
    static String write(Manifest m) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            List<String> values = List.of(m.name(), m.version(), m.description(), m.license(), m.source(),
                    m.attribution(), m.frequencySource(), m.bucketing());
            for (int i = 0; i < values.size(); i++) {
                g.writeStringField(KEYS.get(i), values.get(i));
            }
            if (!m.aliasRule().equals(Manifest.GUARDED_ALIASES)) {
                g.writeStringField("aliasRule", m.aliasRule());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static DatasetException fail(String location, long line, String field, String message) {
        return new DatasetException(new LoadProblem(location, line, field, message));
    }
}
