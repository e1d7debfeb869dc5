package dev.tailgap.harness.plan;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.List;
import java.util.Objects;

/**
 * What is sent for each item: the generation parameters ({@link GenerationParams#DEFAULTS}: temperature 0, 32 tokens,
 * stop at a newline, no seed), the system message ({@code null}: none) and the prompt template
 * ({@link PromptTemplate#defaults()}: brief answer, "unsure" allowed). Immutable.
 */
public record Generation(GenerationParams params, String system, PromptTemplate prompt) {

    public static final Generation DEFAULTS = new Generation(GenerationParams.DEFAULTS, null,
            PromptTemplate.defaults());

    public Generation {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** The generation parameters, a {@link PlanException} naming the one out of range. */
    public static GenerationParams params(double temperature, int maxTokens, List<String> stop, Long seed) {
        try {
            return new GenerationParams(temperature, maxTokens, stop, seed);
        } catch (IllegalArgumentException e) {
            throw new PlanException(e.getMessage());
        }
    }

    public Generation withParams(GenerationParams v) {
        return new Generation(v, system, prompt);
    }

    public Generation withSystem(String v) {
        return new Generation(params, v, prompt);
    }

    public Generation withPrompt(PromptTemplate v) {
        return new Generation(params, system, v);
    }
}
