package dev.tailgap.harness.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgap.harness.Suggestions;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: a YAML file whose keys are the long option names of the command it is given to, without
 * the dashes ({@code model: openai:gpt-4o-mini}, {@code per-bucket: 200}, {@code stop: ["\n"]}). Values are defaults:
 * flags on the command line win. {@code tailgap run} also reads a {@code models} list ({@link ModelList}).
 *
 * <p>Every mistake is a usage error naming the file and line: a missing file, bad YAML, an unknown key (with the
 * nearest known one), a value of the wrong kind ({@code concurrency: [1,2]}: "expected a number, got a list"), and,
 * through {@link #locate}, a value the command or the run plan refuses later.
 */
final class ConfigFile {
    /** Built on first use: most invocations have no config file, and Jackson's set-up is a large share of start-up. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, long.class, Long.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, Double.class, float.class, Float.class);

    /** One key of the file: where it is and its value as picocli takes it. */
    private record Value(int line, String text) {
    }

    private final Path file;
    private final CommandLine target;
    private final Map<String, Value> values;

    private ConfigFile(Path file, CommandLine target, Map<String, Value> values) {
        this.file = file;
        this.target = target;
        this.values = values;
    }

    /**
     * Reads the {@code --config} file of the command {@code args} name, if any, and makes its values the command's
     * option defaults; returns it ({@code null} when there is none).
     */
    /** The one-line usage error for a config file that cannot be read or is not YAML, with its line when known. */
    static TailgapException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return TailgapException.usage("config file " + file + ": no such file");
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return TailgapException.usage(file + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr())
                    + ": not valid YAML: " + j.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return TailgapException.usage("cannot read config file " + file + ": " + e.getMessage());
    }

    static ConfigFile install(CommandLine root, String[] args) {
        Path file = null;
        CommandLine target = root;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (target == root && root.getSubcommands().containsKey(a)) {
                target = root.getSubcommands().get(a);
            } else if ("--config".equals(a) && i + 1 < args.length) {
                file = Path.of(args[i + 1]);
            } else if (a.startsWith("--config=")) {
                file = Path.of(a.substring("--config=".length()));
            }
        }
        if (file == null) {
            return null;
        }
        ConfigFile config = new ConfigFile(file, target, read(file, target));
        target.setDefaultValueProvider(arg -> {
            if (arg instanceof OptionSpec o) {
                for (String name : o.names()) { // an alias (seed for sample-seed) is a key too
                    Value v = config.values.get(name.replaceFirst("^-+", ""));
                    if (v != null) {
                        return v.text();
                    }
                }
            }
            return null;
        });
        return config;
    }

    /**
     * {@code message} prefixed with {@code file:line: key:} when it is about a value that came from this file (and
     * not from the command line): the one key whose option it names ({@code --key}) or whose words begin it
     * ({@code per bucket must be >= 1}).
     */
    String locate(String message) {
        CommandLine.ParseResult parsed = target.getParseResult();
        String lower = message.toLowerCase(Locale.ROOT);
        String found = null;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            String key = e.getKey();
            boolean given = parsed != null && parsed.hasMatchedOption("--" + key);
            boolean named = message.matches("(?s).*(^|[^-\\w])--" + Pattern.quote(key) + "\\b.*")
                    || lower.startsWith(key.replace('-', ' ') + " ") || lower.startsWith(key.replace("-", "") + " ");
            if (!given && named) {
                if (found != null) {
                    return message; // two candidates: do not guess
                }
                found = key;
            }
        }
        return found == null ? message : file + ":" + values.get(found).line() + ": " + found + ": " + message;
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }

    private static Map<String, Value> read(Path file, CommandLine target) {
        Map<String, OptionSpec> known = new TreeMap<>();
        for (OptionSpec o : target.getCommandSpec().options()) {
            for (String name : o.names()) {
                if (name.startsWith("--") && !"--config".equals(name)) {
                    known.put(name.substring(2), o);
                }
            }
        }
        boolean models = "run".equals(target.getCommandName());
        Map<String, Value> values = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = Yaml.FACTORY.createParser(reader)) {
            checkSyntax(file);
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return values;
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "a config file is a mapping of option names to values");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                if (models && ModelList.KEY.equals(key)) {
                    p.skipChildren(); // ModelList reads it
                    continue;
                }
                OptionSpec option = known.get(key);
                if (option == null) {
                    List<String> keys = new ArrayList<>(known.keySet());
                    if (models) {
                        keys.add(ModelList.KEY);
                    }
                    throw error(file, at, "unknown key '" + key + "' for " + target.getCommandSpec().qualifiedName()
                            + " (keys are its long option names, see --help)" + Suggestions.hint(key, keys));
                }
                values.put(key, new Value(at.getLineNr(), value(file, p, key, option)));
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return values;
    }

    /** Reads the whole file once, so that broken YAML is reported as such before any value is judged. */
    private static void checkSyntax(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = Yaml.FACTORY.createParser(reader)) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
        }
    }

    /** The value at the parser, checked against what the option takes, as the text picocli parses. */
    private static String value(Path file, JsonParser p, String key, OptionSpec option) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        Class<?> type = option.type();
        boolean flag = option.arity().max() == 0 || type == boolean.class || type == Boolean.class;
        String wanted = flag ? "true or false" : INTEGRAL.contains(type) || DECIMAL.contains(type) ? "a number"
                : "one value";
        if (option.typeInfo().isMap()) {
            if (t != JsonToken.START_OBJECT) {
                throw error(file, at, key + ": expected a mapping of KEY: VALUE, got " + ModelList.kind(t));
            }
            List<String> parts = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                parts.add(name + "=" + scalar(file, p, key + "." + name, p.nextToken(), "one value"));
            }
            return String.join("\u001f", parts);
        }
        if (option.isMultiValue() && t == JsonToken.START_ARRAY) {
            List<String> parts = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                parts.add(scalar(file, p, key, p.currentToken(), wanted));
            }
            return String.join("\u001f", parts);
        }
        String text = scalar(file, p, key, t, wanted);
        if (flag) {
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                throw error(file, at, key + ": expected true or false, got '" + text + "'");
            }
        } else if (INTEGRAL.contains(type) && t != JsonToken.VALUE_NUMBER_INT) {
            throw error(file, at, key + ": expected a whole number, got " + (t == JsonToken.VALUE_NUMBER_FLOAT
                    ? text : "'" + text + "'"));
        } else if (DECIMAL.contains(type) && !t.isNumeric()) {
            throw error(file, at, key + ": expected a number, got '" + text + "'");
        }
        return text;
    }

    private static String scalar(Path file, JsonParser p, String key, JsonToken t, String wanted)
            throws IOException {
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT || t == JsonToken.VALUE_NULL) {
            throw error(file, p.currentTokenLocation(), key + ": expected " + wanted + ", got " + ModelList.kind(t));
        }
        return p.getText();
    }

    private static TailgapException error(Path file, JsonLocation at, String message) {
        return TailgapException.usage(file + ":" + at.getLineNr() + ": " + message);
    }
}
