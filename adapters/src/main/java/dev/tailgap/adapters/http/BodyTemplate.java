package dev.tailgap.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON request body with placeholders, filled in per request. Text placeholders ({@code {{prompt}}},
 * {@code {{system}}}, {@code {{model}}}) are replaced by the JSON-escaped text without quotes, so they sit inside a
 * JSON string ({@code "{{prompt}}"}); {@code {{temperature}}}, {@code {{max_tokens}}} become numbers,
 * {@code {{stop}}} a JSON array of strings and {@code {{seed}}} a number or {@code null}, so those sit outside quotes.
 * A template without {@code {{system}}} gets the system message prepended to the prompt.
 *
 * <p>Contract: {@link #parse} accepts only templates that name known placeholders, use {@code {{prompt}}} and are one
 * valid JSON value once filled in; {@link #render} then always yields valid JSON.
 */
final class BodyTemplate {
    static final List<String> PLACEHOLDERS =
            List.of("prompt", "system", "model", "temperature", "max_tokens", "stop", "seed");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader STRICT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final CompletionRequest SAMPLE = new CompletionRequest("m", "a \"quoted\"\nline\t\u00e9",
            "s", new GenerationParams(0.5, 8, List.of("\n", "\""), 1L));

    /** Literal text and placeholder names, alternating as they occur. */
    private final List<String> literals;
    private final List<String> names;
    private final boolean hasSystem;

    private BodyTemplate(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
        this.hasSystem = names.contains("system");
    }

    /** Parses and checks a template; {@code source} names it in errors (an option or a file). */
    static BodyTemplate parse(String text, String source) throws AdapterConfigException {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                throw new AdapterConfigException(source + ": unknown placeholder {{" + name + "}}; known: "
                        + String.join(", ", PLACEHOLDERS.stream().map(n -> "{{" + n + "}}").toList()));
            }
            literals.add(text.substring(at, m.start()));
            names.add(name);
            at = m.end();
        }
        literals.add(text.substring(at));
        if (!names.contains("prompt")) {
            throw new AdapterConfigException(source + ": the body template has no {{prompt}}");
        }
        BodyTemplate t = new BodyTemplate(List.copyOf(literals), List.copyOf(names));
        try {
            t.json(SAMPLE);
        } catch (JsonProcessingException e) {
            throw new AdapterConfigException(source + ": the body template is not valid JSON once filled in ("
                    + e.getOriginalMessage() + "); text placeholders go inside quotes (\"{{prompt}}\"), "
                    + "{{temperature}}, {{max_tokens}}, {{stop}} and {{seed}} outside them");
        }
        return t;
    }

    /** The body for {@code r} as text. */
    String render(CompletionRequest r) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < names.size(); i++) {
            out.append(value(names.get(i), r)).append(literals.get(i + 1));
        }
        return out.toString();
    }

    /** The body for {@code r} as a JSON tree. */
    JsonNode json(CompletionRequest r) throws JsonProcessingException {
        return STRICT.readTree(render(r));
    }

    private String value(String name, CompletionRequest r) {
        GenerationParams p = r.params();
        switch (name) {
            case "prompt":
                return escape(hasSystem ? r.prompt() : r.promptWithSystem());
            case "system":
                return escape(r.system() == null ? "" : r.system());
            case "model":
                return escape(r.model());
            case "temperature":
                return Double.toString(p.temperature());
            case "max_tokens":
                return Integer.toString(p.maxTokens());
            case "stop":
                return write(p.stop());
            case "seed":
                return p.seed() == null ? "null" : Long.toString(p.seed());
            default:
                throw new IllegalStateException("unchecked placeholder " + name);
        }
    }

    private static String escape(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }
}
