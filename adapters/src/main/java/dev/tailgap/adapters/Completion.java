package dev.tailgap.adapters;

import java.util.Objects;

/**
 * A model's reply: the answer text, token counts as reported by the endpoint ({@value #UNKNOWN} when unknown), and
 * what the endpoint said about the reply.
 *
 * <p>{@code finishReason} is why generation stopped, normalised across providers: {@value #STOP} (a stop sequence or
 * the end of the turn), {@value #LENGTH} (the token limit: the answer is truncated), {@value #FILTER} (a content
 * filter), another provider word in lower case, or {@code null} when the endpoint did not say. {@code reasoning} is
 * reasoning text the endpoint returned apart from the answer ({@code reasoning_content}), or {@code null}.
 * {@code servedModel} and {@code fingerprint} are the reply's own {@code model} and {@code system_fingerprint} (or the
 * provider's equivalents), {@code null} when absent. {@code firstTokenMs} is the time to the first streamed token,
 * {@value #UNKNOWN} when the reply was not streamed.
 */
public record Completion(String text, int promptTokens, int completionTokens, String finishReason, String reasoning,
                         String servedModel, String fingerprint, long firstTokenMs) {
    public static final int UNKNOWN = -1;
    public static final String STOP = "stop";
    public static final String LENGTH = "length";
    public static final String FILTER = "filter";

    public Completion {
        Objects.requireNonNull(text, "text");
    }

    /** A reply with nothing known beyond its text and token counts. */
    public Completion(String text, int promptTokens, int completionTokens) {
        this(text, promptTokens, completionTokens, null, null, null, null, UNKNOWN);
    }

    /** True when the token limit cut the answer off. */
    public boolean truncated() {
        return LENGTH.equals(finishReason);
    }

    /** This reply with why it stopped, normalised by {@link #finishReason(String)}. */
    public Completion withFinish(String providerWord) {
        return new Completion(text, promptTokens, completionTokens, finishReason(providerWord), reasoning,
                servedModel, fingerprint, firstTokenMs);
    }

    /** This reply with what the endpoint said it serves. */
    public Completion withServed(String model, String systemFingerprint) {
        return new Completion(text, promptTokens, completionTokens, finishReason, reasoning, blankToNull(model),
                blankToNull(systemFingerprint), firstTokenMs);
    }

    /** This reply with reasoning text kept apart from the answer. */
    public Completion withReasoning(String reasoningText) {
        return new Completion(text, promptTokens, completionTokens, finishReason, blankToNull(reasoningText),
                servedModel, fingerprint, firstTokenMs);
    }

    /** This reply with another answer text (the same metadata). */
    public Completion withText(String answer) {
        return new Completion(answer, promptTokens, completionTokens, finishReason, reasoning, servedModel,
                fingerprint, firstTokenMs);
    }

    /** This reply with the time to its first streamed token. */
    public Completion withFirstToken(long millis) {
        return new Completion(text, promptTokens, completionTokens, finishReason, reasoning, servedModel,
                fingerprint, millis);
    }

    /**
     * A provider's stop word normalised: OpenAI {@code length}, Anthropic {@code max_tokens}, llama.cpp {@code limit},
     * Ollama {@code length} are {@value #LENGTH}; {@code stop}, {@code end_turn}, {@code stop_sequence}, {@code eos},
     * {@code word} are {@value #STOP}; {@code content_filter} and {@code refusal} are {@value #FILTER}; anything else
     * is kept in lower case; blank is {@code null}.
     */
    public static String finishReason(String providerWord) {
        if (providerWord == null || providerWord.isBlank()) {
            return null;
        }
        String w = providerWord.trim().toLowerCase(java.util.Locale.ROOT);
        switch (w) {
            case "length":
            case "max_tokens":
            case "limit":
            case "model_length":
                return LENGTH;
            case "stop":
            case "end_turn":
            case "stop_sequence":
            case "eos":
            case "word":
            case "tool_calls":
                return STOP;
            case "content_filter":
            case "refusal":
                return FILTER;
            default:
                return w;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
