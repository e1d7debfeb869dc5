package dev.tailgap.harness.protocol;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.scoring.PromptTemplate;

/**
 * {@code zero-shot}: tailgap's default prompt ({@link PromptTemplate#DEFAULT_TEXT}: as few words as possible, "unsure"
 * allowed, after Head-to-Tail's instruction), no shots, the default stop (a newline) and max tokens, and tailgap's
 * answer-line extraction. A run without {@code --protocol} sends exactly what tailgap always sent.
 */
public final class ZeroShotProtocol implements ProtocolProvider {
    public static final String NAME = "zero-shot";

    static final Protocol PROTOCOL = new Protocol(NAME, "tailgap's zero-shot prompt: brief answer, \"unsure\" allowed",
            "tailgap default, instruction after Sun et al., NAACL 2024 (Head-to-Tail)", "",
            PromptTemplate.defaults(), "\n", 0, ShotStrategy.RANDOM, null, GenerationParams.DEFAULTS.stop(),
            GenerationParams.DEFAULTS.maxTokens(), Extraction.ANSWER_LINE);

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }
}
