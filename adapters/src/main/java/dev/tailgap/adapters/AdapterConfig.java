package dev.tailgap.adapters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an adapter is created from: the model name (the part after {@code provider:}), an optional base URL, the name
 * of the environment variable holding the API key, provider-specific options, the per-request timeout, the
 * concurrency the harness will use (to size connection pools and process pools), the environment to read variables
 * from, and an optional directory for the adapter's own logs (a subprocess's stderr, say; {@code null} when the harness
 * gives none).
 *
 * <p>Contract: the key itself is never stored here, only the variable's name; {@link #apiKey()} reads it on demand.
 * Options are written to the run spec as given, so they hold references such as {@code ${MY_KEY}}, never secrets.
 */
public record AdapterConfig(String model, String baseUrl, String apiKeyEnv, Map<String, String> options,
                            Duration timeout, int concurrency, Function<String, String> env, Path logDir) {

    public AdapterConfig {
        Objects.requireNonNull(model, "model");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        concurrency = Math.max(1, concurrency);
        env = env == null ? System::getenv : env;
    }

    /** A config without a log directory. */
    public AdapterConfig(String model, String baseUrl, String apiKeyEnv, Map<String, String> options,
                         Duration timeout, int concurrency, Function<String, String> env) {
        this(model, baseUrl, apiKeyEnv, options, timeout, concurrency, env, null);
    }

    /** A config with the process environment, a 60 s timeout and concurrency 1. */
    public static AdapterConfig of(String model, String baseUrl, String apiKeyEnv) {
        return new AdapterConfig(model, baseUrl, apiKeyEnv, Map.of(), null, 1, null);
    }

    /** This config with {@code name} as the key variable when none was named (a provider's default). */
    public AdapterConfig withDefaultApiKeyEnv(String name) {
        return apiKeyEnv != null ? this
                : new AdapterConfig(model, baseUrl, name, options, timeout, concurrency, env, logDir);
    }

    /** The API key from {@link #apiKeyEnv()}, if that variable is named and set to a non-blank value. */
    public Optional<String> apiKey() {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return Optional.empty();
        }
        String v = env.apply(apiKeyEnv);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** The API key, or a one-line error naming the variable followed by {@code why} (what needs it, how to fix). */
    public String requireApiKey(String why) throws AdapterConfigException {
        Optional<String> key = apiKey();
        if (key.isEmpty()) {
            throw new AdapterConfigException("environment variable " + apiKeyEnv + " is not set: " + why);
        }
        return key.get();
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * Rejects options this provider does not know, listing the ones it does. {@code known} holds option names; a name
     * ending in {@code .} is a prefix ({@code header.} accepts {@code header.Authorization}).
     */
    public void requireKnownOptions(String provider, Collection<String> known) throws AdapterConfigException {
        List<String> unknown = new ArrayList<>();
        for (String key : options.keySet()) {
            boolean ok = known.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) && key.length() > k.length()
                    : k.equals(key));
            if (!ok) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AdapterConfigException("provider " + provider + " has no option " + String.join(", ", unknown)
                    + (known.isEmpty() ? "; it takes none" : "; it takes: " + known.stream()
                    .map(k -> k.endsWith(".") ? k + "NAME" : k).collect(Collectors.joining(", "))));
        }
    }

    /** The whole-number option {@code key} (at least {@code min}), or {@code fallback} when it is not given. */
    public int intOption(String key, int fallback, int min) throws AdapterConfigException {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AdapterConfigException("option " + key + "=" + v + " is not a whole number >= " + min);
    }

    /**
     * The option {@code key} as one of {@code type}'s constants, named in lower case ({@code api=chat} for
     * {@code CHAT}), or {@code fallback} when it is not given.
     */
    public <E extends Enum<E>> E enumOption(String key, Class<E> type, E fallback) throws AdapterConfigException {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        throw new AdapterConfigException("option " + key + "=" + v + " is not one of: " + java.util.Arrays
                .stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }

    /** The model name as a file path (for providers whose model is a file or directory). */
    public Path modelPath() throws AdapterConfigException {
        try {
            return Path.of(model);
        } catch (java.nio.file.InvalidPathException e) {
            throw new AdapterConfigException("model '" + model + "' is not a file path: " + e.getReason());
        }
    }

    /** The yes/no option {@code key} ({@code true|false}), or {@code fallback} when it is not given. */
    public boolean booleanOption(String key, boolean fallback) throws AdapterConfigException {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new AdapterConfigException("option " + key + "=" + v + " is not true or false");
        }
    }
}
