package dev.tailgap.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What an adapter is created from: the model name (the part after {@code provider:}), an optional base URL, the name
 * of the environment variable holding the API key, provider-specific options, the per-request timeout, the
 * concurrency the harness will use (to size connection pools), and the environment to read variables from.
 *
 * <p>Contract: the key itself is never stored here, only the variable's name; {@link #apiKey()} reads it on demand.
 */
public record AdapterConfig(String model, String baseUrl, String apiKeyEnv, Map<String, String> options,
                            Duration timeout, int concurrency, Function<String, String> env) {

    public AdapterConfig {
        Objects.requireNonNull(model, "model");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        concurrency = Math.max(1, concurrency);
        env = env == null ? System::getenv : env;
    }

    /** A config with the process environment, a 60 s timeout and concurrency 1. */
    public static AdapterConfig of(String model, String baseUrl, String apiKeyEnv) {
        return new AdapterConfig(model, baseUrl, apiKeyEnv, Map.of(), null, 1, null);
    }

    /** The API key from {@link #apiKeyEnv()}, if that variable is named and set to a non-blank value. */
    public Optional<String> apiKey() {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return Optional.empty();
        }
        String v = env.apply(apiKeyEnv);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
