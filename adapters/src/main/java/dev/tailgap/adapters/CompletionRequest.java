package dev.tailgap.adapters;

import java.util.Objects;

/**
 * One prompt to one model. {@code system} is an optional system message ({@code null} for none); adapters without a
 * notion of system messages prepend it to the prompt.
 */
public record CompletionRequest(String model, String prompt, String system, GenerationParams params) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(params, "params");
    }
}
