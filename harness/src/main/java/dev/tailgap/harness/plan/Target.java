package dev.tailgap.harness.plan;

import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelRef;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The model a run asks and where it is served: the {@link ModelRef} ({@code provider:model}), the endpoint's base URL
 * ({@code null}: the provider's default), the name of the environment variable holding the API key (never a key),
 * provider options ({@code -o KEY=VALUE}) and, when set, a label that replaces the base URL in reports (for endpoints
 * whose address is incidental, such as an ephemeral loopback port). Immutable.
 */
public record Target(ModelRef model, String baseUrl, String apiKeyEnv, Map<String, String> options,
                     String endpointLabel) {

    public Target {
        Objects.requireNonNull(model, "model");
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * The model {@code provider:model} at its provider's default endpoint; a {@link PlanException} when
     * the reference is not of that form.
     */
    public static Target of(String model) {
        try {
            return new Target(ModelRef.parse(model), null, null, Map.of(), null);
        } catch (AdapterConfigException e) {
            throw new PlanException(e.getMessage());
        }
    }

    public Target withBaseUrl(String v) {
        return new Target(model, v, apiKeyEnv, options, endpointLabel);
    }

    public Target withApiKeyEnv(String v) {
        return new Target(model, baseUrl, v, options, endpointLabel);
    }

    public Target withOptions(Map<String, String> v) {
        return new Target(model, baseUrl, apiKeyEnv, v, endpointLabel);
    }

    public Target withEndpointLabel(String v) {
        return new Target(model, baseUrl, apiKeyEnv, options, v);
    }
}
