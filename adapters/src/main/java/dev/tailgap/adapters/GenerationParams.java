package dev.tailgap.adapters;

import java.util.List;

/**
 * Generation parameters sent with every request. Part of the cache key and of the run spec.
 *
 * <p>Contract: {@code temperature >= 0}; {@code maxTokens > 0}; {@code stop} is never {@code null} (may be empty);
 * {@code seed} is {@code null} when the endpoint should not be sent one.
 */
public record GenerationParams(double temperature, int maxTokens, List<String> stop, Long seed) {

    /** Greedy decoding, 32 tokens, stop at the first newline: the short-answer defaults. */
    public static final GenerationParams DEFAULTS = new GenerationParams(0.0, 32, List.of("\n"), null);

    public GenerationParams {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a number >= 0, got " + temperature);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("max tokens must be > 0, got " + maxTokens);
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
