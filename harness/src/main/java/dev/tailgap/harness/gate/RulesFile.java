package dev.tailgap.harness.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate rules file (YAML): a {@code rules} list of rule strings and an optional {@code alpha} for the baseline
 * rules.
 *
 * <pre>
 * alpha: 0.05
 * rules:
 *   - tail.accuracy >= 0.30
 *   - tail.accuracy.drop <= 0.02
 * </pre>
 *
 * Any mistake (bad YAML, an unknown key, a rule that does not parse) is a usage error naming the file, the line and
 * the key. {@code alpha} is {@code null} when the file does not set it.
 */
public record RulesFile(List<Rule> rules, Double alpha) {
    private static final YAMLFactory YAML = new YAMLFactory();

    public RulesFile {
        rules = List.copyOf(rules);
    }

    /** Reads and checks a rules file. */
    public static RulesFile read(Path file) {
        List<Rule> rules = new ArrayList<>();
        Double alpha = null;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = YAML.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw error(file, p.currentTokenLocation(), "the file is empty; it needs a 'rules' list");
            }
            if (t != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "a rules file is a mapping with a 'rules' list "
                        + "(and optionally 'alpha')");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if ("rules".equals(key)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw error(file, at, "'rules' must be a list of rules such as '- tail.accuracy >= 0.30'");
                    }
                    int index = 0;
                    while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
                        JsonLocation where = p.currentTokenLocation();
                        if (value != JsonToken.VALUE_STRING) {
                            throw error(file, where, "rules[" + index + "] must be a rule string such as "
                                    + "'tail.accuracy >= 0.30' (quote it if it contains ': ')");
                        }
                        String origin = file + ":" + where.getLineNr();
                        try {
                            rules.add(Rule.parse(p.getText(), origin));
                        } catch (IllegalArgumentException e) {
                            throw error(file, where, "rules[" + index + "]: " + e.getMessage());
                        }
                        index++;
                    }
                } else if ("alpha".equals(key)) {
                    double a = value.isNumeric() ? p.getDoubleValue() : Double.NaN;
                    if (!(a > 0 && a < 1)) {
                        throw error(file, at, "'alpha' must be a number between 0 and 1, got '" + p.getText() + "'");
                    }
                    alpha = a;
                } else {
                    throw error(file, at, "unknown key '" + key + "' (a rules file has 'rules' and 'alpha')");
                }
            }
        } catch (NoSuchFileException e) {
            throw TailgapException.usage("rules file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw TailgapException.usage(file + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw TailgapException.usage("cannot read rules file " + file + ": " + e.getMessage());
        }
        if (rules.isEmpty()) {
            throw TailgapException.usage(file + ": no rules (add a 'rules' list such as '- tail.accuracy >= 0.30')");
        }
        return new RulesFile(rules, alpha);
    }

    /**
     * The rules of an optional rules file followed by {@code extra} rule strings (from flags or a build file, named
     * {@code extraOrigin} in messages). At least one rule is required.
     *
     * @throws TailgapException (usage) for any malformed rule, or when there are none
     */
    public static RulesFile collect(Path file, List<String> extra, String extraOrigin) {
        List<Rule> all = new ArrayList<>();
        Double alpha = null;
        if (file != null) {
            RulesFile f = read(file);
            all.addAll(f.rules());
            alpha = f.alpha();
        }
        if (extra != null) {
            for (String text : extra) {
                try {
                    all.add(Rule.parse(text, extraOrigin));
                } catch (IllegalArgumentException e) {
                    throw TailgapException.usage(extraOrigin + ": " + e.getMessage());
                }
            }
        }
        if (all.isEmpty()) {
            throw TailgapException.usage("no rules: give a rule such as 'tail.accuracy >= 0.30' or a rules file");
        }
        return new RulesFile(all, alpha);
    }

    /** The significance level: {@code override} when set, else the file's, else {@link Gate#DEFAULT_ALPHA}. */
    public double alpha(Double override) {
        return override != null ? override : alpha != null ? alpha : Gate.DEFAULT_ALPHA;
    }

    private static TailgapException error(Path file, JsonLocation at, String message) {
        return TailgapException.usage(file + ":" + at.getLineNr() + ": " + message);
    }
}
