package dev.tailgap.adapters;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an endpoint says about itself when asked before a run: {@code identity} holds facts that name the model it
 * serves (llama.cpp's model path and build, {@code /v1/models} ids and creation times, an Ollama digest, a GGUF file's
 * size and date), keys sorted; {@code slots} is how many requests it serves at once, or {@value #UNKNOWN}.
 *
 * <p>Facts are descriptive strings, never secrets. An empty identity means the endpoint offered none.
 */
public record EndpointInfo(Map<String, String> identity, int slots) {
    public static final int UNKNOWN = -1;
    public static final EndpointInfo NONE = new EndpointInfo(Map.of(), UNKNOWN);

    public EndpointInfo {
        identity = identity == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(identity));
    }
}
