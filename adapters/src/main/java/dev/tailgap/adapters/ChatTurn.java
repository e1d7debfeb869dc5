package dev.tailgap.adapters;

import java.util.Objects;

/**
 * One earlier exchange of a chat, sent before the prompt: what the user said and what the assistant answered (a
 * few-shot example asked as its own turn). Both texts are non-null.
 */
public record ChatTurn(String user, String assistant) {
    public ChatTurn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(assistant, "assistant");
    }
}
