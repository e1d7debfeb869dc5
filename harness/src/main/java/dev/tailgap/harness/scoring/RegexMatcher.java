package dev.tailgap.harness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions ({@code regex}): the answer as written is correct if the item's pattern is found in it
 * ({@link java.util.regex.Matcher#find()}, Java syntax; add {@code (?i)} for case-insensitive). Patterns come from a
 * YAML file ({@code --scorer-option patterns=FILE}) with a mapping {@code items} (item id → pattern) and/or
 * {@code relations} (relation → pattern); an item's own pattern wins over its relation's. An item with neither is an
 * ERROR ("no pattern"), never a hallucination.
 *
 * <p>What it catches: whatever the pattern says (numbers in many forms, dates, spelling variants). What it misses:
 * everything the pattern author did not foresee; it ignores the golds.
 */
final class RegexMatcher implements Matcher {
    private final Map<String, Pattern> byItem;
    private final Map<String, Pattern> byRelation;

    RegexMatcher(Map<String, Pattern> byItem, Map<String, Pattern> byRelation) {
        this.byItem = Map.copyOf(byItem);
        this.byRelation = Map.copyOf(byRelation);
    }

    /** Reads a patterns file; {@link IllegalArgumentException} naming file and key for anything wrong in it. */
    static RegexMatcher read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("regex patterns " + file + ": " + e.getMessage().lines().findFirst()
                    .orElse("cannot read"));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("regex patterns " + file + ": expected a mapping with 'items' and/or "
                    + "'relations'");
        }
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.equals("items") && !k.equals("relations")) {
                throw new IllegalArgumentException("regex patterns " + file + ": unknown key '" + k
                        + "' (valid keys: items, relations)");
            }
        }
        return new RegexMatcher(patterns(file, root, "items"), patterns(file, root, "relations"));
    }

    private static Map<String, Pattern> patterns(Path file, JsonNode root, String section) {
        Map<String, Pattern> out = new HashMap<>();
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("regex patterns " + file + ": '" + section + "' must be a mapping");
        }
        node.fields().forEachRemaining(e -> {
            String where = "regex patterns " + file + ": " + section + "." + e.getKey();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(where + ": must be a string");
            }
            try {
                out.put(e.getKey(), Pattern.compile(e.getValue().asText()));
            } catch (PatternSyntaxException x) {
                throw new IllegalArgumentException(where + ": " + x.getDescription() + " at index " + x.getIndex());
            }
        });
        return out;
    }

    /** The pattern for the item, or {@code null}. */
    Pattern patternFor(ScoringItem item) {
        Pattern p = byItem.get(item.id());
        return p != null || item.relation() == null ? p : byRelation.get(item.relation());
    }

    @Override
    public Match match(Answer answer, ScoringItem item) {
        Pattern p = patternFor(item);
        if (p == null) {
            return Match.undecided("no pattern for item " + item.id()
                    + (item.relation() == null ? "" : " or relation " + item.relation()));
        }
        return p.matcher(answer.extracted()).find() ? new Match(true, "pattern /" + p.pattern() + "/ found")
                : new Match(false, "pattern /" + p.pattern() + "/ not found");
    }
}
