package dev.tailgap.harness.protocol;

import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.List;

/**
 * {@code head-to-tail}: Sun et al., NAACL 2024, "Head-to-Tail: How Knowledgeable are Large Language Models (LLMs)?":
 * the instruction to answer in as few words as possible and to say "unsure" when not knowing, and two shots, one
 * answerable and one unanswerable answered "unsure"; greedy. The paper's own two examples are not reproduced here:
 * these two have the same shape (a well-known fact; a question about a made-up entity).
 */
public final class HeadToTailProtocol implements ProtocolProvider {
    public static final String NAME = "head-to-tail";

    static final List<Shot> SHOTS = List.of(
            new Shot("head-to-tail:answerable", "What is the capital of France?", "Paris", "France", "capital"),
            new Shot("head-to-tail:unanswerable", "Who directed the 1931 film The Lighthouse of Varnholm Sound?",
                    "unsure", "The Lighthouse of Varnholm Sound", "director"));

    static final Protocol PROTOCOL = new Protocol(NAME, "Head-to-Tail: as few words as possible, \"unsure\" allowed, "
            + "one answerable and one unanswerable shot",
            "Sun et al., NAACL 2024, Head-to-Tail: How Knowledgeable are Large Language Models (LLMs)?",
            "Answer the following questions in as few words as possible. Say \"unsure\" if you don't know.",
            PromptTemplate.of("Question: {question}\nAnswer:"), "\n", 2, ShotStrategy.FIXED, SHOTS, List.of("\n"),
            32, Extraction.ANSWER_LINE);

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }
}
