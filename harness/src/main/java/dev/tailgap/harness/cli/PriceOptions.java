package dev.tailgap.harness.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.Prices;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What the tokens cost, for the run's metadata: {@code --price-in} and {@code --price-out} (US dollars per million
 * prompt and completion tokens), or {@code --prices FILE}, a YAML table from model reference to prices:
 *
 * <pre>
 * openai:gpt-4o-mini: {input: 0.15, output: 0.60}
 * anthropic:claude-3-5-haiku-latest: {input: 0.80, output: 4.00}
 * </pre>
 *
 * The flags win over the table. A model the table does not list is a usage error naming the file.
 */
final class PriceOptions {
    static final String[] NAMES = {"--price-in", "--price-out", "--prices"};

    @Option(names = "--price-in", paramLabel = "USD",
            description = "Price of a million prompt tokens, in US dollars (with --price-out): the run's cost is in "
                    + "its metadata.")
    Double in;

    @Option(names = "--price-out", paramLabel = "USD",
            description = "Price of a million completion tokens, in US dollars (with --price-in).")
    Double out;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "YAML table of prices per model: 'PROVIDER:MODEL: {input: USD, output: USD}' per million "
                    + "tokens.")
    Path table;

    /** The prices of {@code model} these options give, or {@code null} when none were given. */
    Prices of(String model) {
        if ((in == null) != (out == null)) {
            throw TailgapException.usage("--price-in and --price-out go together (give 0 for a free side)");
        }
        try {
            if (in != null) {
                return new Prices(in, out);
            }
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("--price-in/--price-out: " + e.getMessage());
        }
        if (table == null) {
            return null;
        }
        Map<String, Prices> all = read(table);
        Prices p = all.get(model);
        if (p == null) {
            throw TailgapException.usage(table + " has no prices for '" + model + "' (it lists: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return p;
    }

    /** Reads a prices table; every mistake is a usage error naming the file and line. */
    static Map<String, Prices> read(Path file) {
        Map<String, Prices> out = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = new YAMLFactory().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "a prices file maps each model to "
                        + "{input: USD, output: USD} per million tokens");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String model = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(file, at, model + ": expected {input: USD, output: USD}, got "
                            + ModelList.kind(p.currentToken()));
                }
                Double input = null;
                Double output = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kat = p.currentTokenLocation();
                    JsonToken v = p.nextToken();
                    if (!v.isNumeric()) {
                        throw error(file, kat, model + "." + key + ": expected a number of US dollars, got "
                                + ModelList.kind(v));
                    }
                    switch (key) {
                        case "input" -> input = p.getDoubleValue();
                        case "output" -> output = p.getDoubleValue();
                        default -> throw error(file, kat, model + ": unknown key '" + key
                                + "' (prices are 'input' and 'output', US dollars per million tokens)");
                    }
                }
                if (input == null || output == null) {
                    throw error(file, at, model + ": needs both input and output");
                }
                try {
                    out.put(model, new Prices(input, output));
                } catch (IllegalArgumentException e) {
                    throw error(file, at, model + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw TailgapException.usage("prices file " + file + ": no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw TailgapException.usage(file + (at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw TailgapException.usage("cannot read prices file " + file + ": " + e.getMessage());
        }
        return out;
    }

    private static TailgapException error(Path file, JsonLocation at, String message) {
        return TailgapException.usage(file + ":" + at.getLineNr() + ": " + message);
    }
}
