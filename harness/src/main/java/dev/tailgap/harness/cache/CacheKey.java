package dev.tailgap.harness.cache;

import dev.tailgap.datasets.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The cache key of a request: the sha256 of its canonical JSON, which holds the provider, the base URL (without user
 * info, query or fragment), the adapter options (without any whose name looks like a secret: authorization, api key,
 * secret, password, cookie, credential), the model, every generation parameter (temperature, max tokens, stop, seed),
 * the system message, the earlier chat turns (only when there are any) and the prompt, and the sample index (only
 * above 0: the first sample of an item has the key of its only sample). A change to any of them gives another key. The
 * API key is never part of it.
 */
public final class CacheKey {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final int VERSION = 1;

    private CacheKey() {
    }

    /**
     * What a run's requests share: provider, base URL as configured ({@code null}: the provider's default), options.
     * A run over several replicas has {@value #REPLICAS} in place of a base URL.
     */
    public record Endpoint(String provider, String baseUrl, Map<String, String> options) {
        /**
         * The base URL of the key of a run over several replicas, whichever they are: what makes their answers
         * valid is the served identity stored beside each answer, which every replica was checked to share. So the
         * answers of one set of replicas are reused by another set serving the same model (and never by one that
         * serves another), while a single URL keeps its own key.
         */
        public static final String REPLICAS = "(replicas)";

        public Endpoint {
            Objects.requireNonNull(provider, "provider");
            options = options == null ? Map.of() : Map.copyOf(options);
        }

        /** The endpoint of a run at {@code baseUrls}: none is the provider's default, several are replicas. */
        public static Endpoint of(String provider, java.util.List<String> baseUrls, Map<String, String> options) {
            return new Endpoint(provider, baseUrls.isEmpty() ? null : baseUrls.size() == 1 ? baseUrls.get(0)
                    : REPLICAS, options);
        }
    }

    /** The key of {@code request} sent to {@code endpoint}: 64 hex digits. */
    public static String of(Endpoint endpoint, CompletionRequest request) {
        return Sha256.hex(canonicalJson(endpoint, request));
    }

    /** A request is sampled when its temperature is above zero and it carries no seed: its answer may differ each time. */
    public static boolean sampled(GenerationParams p) {
        return p.temperature() > 0 && p.seed() == null;
    }

    static String canonicalJson(Endpoint endpoint, CompletionRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", VERSION);
        m.put("provider", endpoint.provider());
        m.put("baseUrl", Secrets.withoutCredentials(endpoint.baseUrl()));
        Map<String, String> options = new TreeMap<>();
        endpoint.options().forEach((k, v) -> {
            if (!Secrets.isSecretName(k)) {
                options.put(k, v);
            }
        });
        m.put("options", options);
        m.put("model", request.model());
        GenerationParams p = request.params();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("temperature", p.temperature());
        params.put("maxTokens", p.maxTokens());
        params.put("stop", p.stop());
        params.put("seed", p.seed());
        m.put("params", params);
        m.put("system", request.system());
        if (!request.turns().isEmpty()) {
            m.put("turns", request.turns().stream().map(t -> java.util.List.of(t.user(), t.assistant())).toList());
        }
        m.put("prompt", request.prompt());
        if (request.sample() > 0) {
            m.put("sample", request.sample());
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
