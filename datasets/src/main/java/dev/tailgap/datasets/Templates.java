package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question templates, one per relation, as a YAML mapping {@code relation: "text with {subject}"}: how PopQA's
 * questions were made from (subject, relation, object) facts, and how a question's subject is recovered.
 *
 * <p>Contract: every template contains {@code {subject}} exactly once; {@link #bundled(String)} names the templates
 * shipped with tailgap ({@code popqa}, PopQA's 16).
 */
public final class Templates {

    private static final String SLOT = "{subject}";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> byRelation;
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    private Templates(Map<String, String> byRelation) {
        this.byRelation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRelation));
        byRelation.forEach((relation, t) -> {
            int at = t.indexOf(SLOT);
            patterns.put(relation, Pattern.compile(Pattern.quote(t.substring(0, at)) + "(.+)"
                    + Pattern.quote(t.substring(at + SLOT.length()))));
        });
    }

    /** The templates shipped with tailgap under {@code name}. */
    public static Templates bundled(String name) throws DatasetException {
        String resource = "/dev/tailgap/datasets/templates/" + name + ".yaml";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatasetException("no bundled templates named '" + name + "' (bundled: popqa)");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new DatasetException("cannot read the bundled templates " + name + ": " + e.getMessage(), e);
        }
    }

    /** A bundled name ({@code popqa}) or a YAML file. */
    public static Templates resolve(String nameOrPath) throws DatasetException, IOException {
        if (!nameOrPath.contains("/") && !nameOrPath.contains("\\") && !nameOrPath.endsWith(".yaml")
                && !nameOrPath.endsWith(".yml")) {
            return bundled(nameOrPath);
        }
        try {
            return parse(Files.readString(Path.of(nameOrPath)), nameOrPath);
        } catch (NoSuchFileException e) {
            throw new DatasetException(nameOrPath + ": no such file");
        }
    }

    /** Parses the YAML text of a templates file; {@code location} names it in messages. */
    static Templates parse(String yaml, String location) throws DatasetException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DatasetException(new LoadProblem(location, line, "yaml", "not valid YAML: "
                    + ItemCodec.cleanJsonMessage(e.getOriginalMessage())));
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new DatasetException(location + ": expected a mapping of relation: \"question with {subject}\"");
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String t = e.getValue().isTextual() ? e.getValue().textValue() : null;
            if (t == null || t.indexOf(SLOT) < 0 || t.indexOf(SLOT) != t.lastIndexOf(SLOT)) {
                problems.add(new LoadProblem(location, 0, e.getKey(), "the template must be text with {subject} "
                        + "exactly once"));
            } else {
                out.put(e.getKey(), t);
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(location + ": " + problems.size() + " bad template"
                    + (problems.size() == 1 ? "" : "s"), problems, 0);
        }
        return new Templates(out);
    }

    /** The templates by relation, in file order. */
    public Map<String, String> byRelation() {
        return byRelation;
    }

    /** The question for {@code subject} under {@code relation}, or {@code null} when there is no template. */
    public String question(String relation, String subject) {
        String t = byRelation.get(relation);
        return t == null ? null : t.replace(SLOT, subject);
    }

    /** What a question asks: its relation and subject. */
    public record Match(String relation, String subject) {
    }

    /**
     * The relation and subject of {@code question} ({@code relation} given: only its template is tried), or
     * {@code null} when no template, or more than one, matches.
     */
    public Match match(String question, String relation) {
        Match found = null;
        for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
            if (relation != null && !relation.equals(e.getKey())) {
                continue;
            }
            Matcher m = e.getValue().matcher(question);
            if (m.matches()) {
                if (found != null) {
                    return null;
                }
                found = new Match(e.getKey(), m.group(1));
            }
        }
        return found;
    }
}
