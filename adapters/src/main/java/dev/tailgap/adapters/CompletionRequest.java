package dev.tailgap.adapters;

import java.util.List;
import java.util.Objects;

/**
 * One prompt to one model. {@code system} is an optional system message ({@code null} for none); adapters without a
 * notion of system messages prepend it to the prompt. {@code turns} are earlier user/assistant exchanges sent before
 * the prompt as chat messages (few-shot examples asked as turns; empty for none): only adapters that say
 * {@link ModelAdapter#acceptsTurns()} take a request with turns.
 *
 * <p>{@code itemId} and {@code sample} are request metadata: the id of the dataset item being asked (or {@code null})
 * and which of its repeated samples this is (0 for the first or only one). Neither is sent to a model. {@code itemId}
 * is never part of any cache key (two items with the same prompt and parameters are the same request), while
 * {@code sample} is (the K samples of one item are K cached answers); only adapters that answer from recorded results
 * ({@code replay}) read {@code itemId}.
 */
public record CompletionRequest(String model, String prompt, String system, GenerationParams params, String itemId,
                                List<ChatTurn> turns, int sample) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(params, "params");
        turns = turns == null ? List.of() : List.copyOf(turns);
        if (sample < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, got " + sample);
        }
    }

    /** The first sample of a request without turns. */
    public CompletionRequest(String model, String prompt, String system, GenerationParams params, String itemId) {
        this(model, prompt, system, params, itemId, List.of(), 0);
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
