package dev.tailgap.adapters;

import java.util.Objects;

/**
 * A model's reply: the generated text and token counts as reported by the endpoint ({@code -1} when unknown).
 */
public record Completion(String text, int promptTokens, int completionTokens) {
    public static final int UNKNOWN = -1;

    public Completion {
        Objects.requireNonNull(text, "text");
    }
}
