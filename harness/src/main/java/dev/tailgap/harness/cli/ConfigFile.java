package dev.tailgap.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: a YAML file whose keys are the long option names of the command it is given to, without
 * the dashes ({@code model: openai:gpt-4o-mini}, {@code per-bucket: 200}, {@code stop: ["\n"]}). Values are defaults:
 * flags on the command line win. An unknown key or a malformed file is a usage error naming the file and key or line.
 */
final class ConfigFile {
    /** Built on first use: most invocations have no config file, and Jackson's set-up is a large share of start-up. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private ConfigFile() {
    }

    static void install(CommandLine root, String[] args) {
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
            return;
        }
        Map<String, String> values = read(file, target);
        target.setDefaultValueProvider(arg -> {
            if (arg instanceof OptionSpec o) {
                for (String name : o.names()) { // an alias (seed for sample-seed) is a key too
                    String v = values.get(name.replaceFirst("^-+", ""));
                    if (v != null) {
                        return v;
                    }
                }
            }
            return null;
        });
    }

    private static Map<String, String> read(Path file, CommandLine target) {
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw TailgapException.usage(file + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw TailgapException.usage("cannot read config " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw TailgapException.usage(file + ": a config file is a mapping of option names to values");
        }
        List<String> known = new ArrayList<>();
        for (OptionSpec o : target.getCommandSpec().options()) {
            for (String name : o.names()) {
                if (name.startsWith("--")) {
                    known.add(name.substring(2));
                }
            }
        }
        Map<String, String> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey()) || "config".equals(e.getKey())) {
                throw TailgapException.usage(file + ": unknown key '" + e.getKey() + "' for tailgap "
                        + target.getCommandName() + " (keys are its long option names, see --help)");
            }
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                values.put(e.getKey(), String.join("\u001f", parts));
            } else if (v.isObject()) {
                List<String> parts = new ArrayList<>();
                v.fields().forEachRemaining(x -> parts.add(x.getKey() + "=" + x.getValue().asText()));
                values.put(e.getKey(), String.join("\u001f", parts));
            } else {
                values.put(e.getKey(), v.asText());
            }
        }
        return values;
    }
}
