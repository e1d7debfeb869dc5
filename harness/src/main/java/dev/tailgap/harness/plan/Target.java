package dev.tailgap.harness.plan;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The model a run asks and where it is served: the {@link ModelRef} ({@code provider:model}), the endpoint's base URLs
 * (none: the provider's default; several: replicas serving the same model, which share the run's requests), the name
 * of the environment variable holding the API key (never a key), provider options ({@code -o KEY=VALUE}) and, when
 * set, a label that replaces the base URLs in reports (for endpoints whose address is incidental, such as an
 * ephemeral loopback port). Immutable. In JSON the base URLs are {@code baseUrl}: one URL as a string, several as a
 * list.
 */
public record Target(ModelRef model,
                     @JsonProperty("baseUrl")
                     @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                             JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
                     List<String> baseUrls, String apiKeyEnv, Map<String, String> options, String endpointLabel) {

    public Target {
        Objects.requireNonNull(model, "model");
        baseUrls = baseUrls == null ? List.of() : baseUrls.stream().filter(Objects::nonNull).toList();
        if (baseUrls.stream().distinct().count() < baseUrls.size()) {
            throw new PlanException("base URL given twice: " + baseUrls);
        }
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** A target at one base URL ({@code null}: the provider's default). */
    public Target(ModelRef model, String baseUrl, String apiKeyEnv, Map<String, String> options, String endpointLabel) {
        this(model, baseUrl == null ? List.of() : List.of(baseUrl), apiKeyEnv, options, endpointLabel);
    }

    /**
     * The model {@code provider:model} at its provider's default endpoint; a {@link PlanException} when
     * the reference is not of that form.
     */
    public static Target of(String model) {
        try {
            return new Target(ModelRef.parse(model), List.of(), null, Map.of(), null);
        } catch (AdapterConfigException e) {
            throw new PlanException(e.getMessage());
        }
    }

    /** The first base URL, which names the endpoint in messages; {@code null}: the provider's default. */
    public String baseUrl() {
        return baseUrls.isEmpty() ? null : baseUrls.get(0);
    }

    public Target withBaseUrl(String v) {
        return withBaseUrls(v == null ? List.of() : List.of(v));
    }

    public Target withBaseUrls(List<String> v) {
        return new Target(model, v, apiKeyEnv, options, endpointLabel);
    }

    public Target withApiKeyEnv(String v) {
        return new Target(model, baseUrls, v, options, endpointLabel);
    }

    public Target withOptions(Map<String, String> v) {
        return new Target(model, baseUrls, apiKeyEnv, v, endpointLabel);
    }

    public Target withEndpointLabel(String v) {
        return new Target(model, baseUrls, apiKeyEnv, options, v);
    }
}
