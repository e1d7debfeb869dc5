package dev.tailgap.harness.plan;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.protocol.Prompting;
import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.List;
import java.util.Objects;

/**
 * What is sent for each item: the generation parameters ({@link GenerationParams#DEFAULTS}: temperature 0, 32 tokens,
 * stop at a newline, no seed), the system message ({@code null}: none), the question template
 * ({@link PromptTemplate#defaults()}: brief answer, "unsure" allowed) and how the protocol asks beyond them
 * ({@link Prompting}: instruction, shots, extraction, per-relation templates, repeated samples;
 * {@link Prompting#DEFAULTS}: zero-shot, asked once). Immutable.
 */
public record Generation(GenerationParams params, String system, PromptTemplate prompt, Prompting prompting) {

    public static final Generation DEFAULTS = new Generation(GenerationParams.DEFAULTS, null,
            PromptTemplate.defaults(), Prompting.DEFAULTS);

    public Generation {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(prompt, "prompt");
        prompting = prompting == null ? Prompting.DEFAULTS : prompting;
    }

    /** Zero-shot generation, asked once. */
    public Generation(GenerationParams params, String system, PromptTemplate prompt) {
        this(params, system, prompt, Prompting.DEFAULTS);
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
        return new Generation(v, system, prompt, prompting);
    }

    public Generation withSystem(String v) {
        return new Generation(params, v, prompt, prompting);
    }

    public Generation withPrompt(PromptTemplate v) {
        return new Generation(params, system, v, prompting);
    }

    public Generation withPrompting(Prompting v) {
        return new Generation(params, system, prompt, v);
    }
}
