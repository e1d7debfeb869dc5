package dev.tailgap.adapters;

import java.util.Objects;

/**
 * One prompt to one model. {@code system} is an optional system message ({@code null} for none); adapters without a
 * notion of system messages prepend it to the prompt.
 *
 * <p>{@code itemId} is request metadata: the id of the dataset item being asked, or {@code null}. It is never sent to a
 * model and never part of any cache key (two items with the same prompt and parameters are the same request); only
 * adapters that answer from recorded results ({@code replay}) read it.
 */
public record CompletionRequest(String model, String prompt, String system, GenerationParams params, String itemId) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(params, "params");
    }

    /** A request not tied to a dataset item. */
    public CompletionRequest(String model, String prompt, String system, GenerationParams params) {
        this(model, prompt, system, params, null);
    }

    /** The system message and the prompt as one text, for endpoints without system messages. */
    public String promptWithSystem() {
        return system == null || system.isEmpty() ? prompt : system + "\n\n" + prompt;
    }
}
