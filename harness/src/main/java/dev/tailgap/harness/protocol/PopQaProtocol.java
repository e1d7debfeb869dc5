package dev.tailgap.harness.protocol;

import dev.tailgap.harness.scoring.PromptTemplate;
import java.util.List;

/**
 * {@code popqa}: Mallen et al., ACL 2023, "When Not to Trust Language Models" (code AlexTMallen/adaptive-retrieval,
 * {@code run_model.py}): {@code Q: <question> A:}, 15 shots stratified so that each other relation contributes one
 * (never the item itself), joined by newlines; greedy, at most 15 new tokens, the generation cut at the first newline.
 * The paper asked GPT-3 0-shot ({@code --shots 0}) and the open models 15-shot.
 */
public final class PopQaProtocol implements ProtocolProvider {
    public static final String NAME = "popqa";

    static final Protocol PROTOCOL = new Protocol(NAME, "PopQA: Q: <question> A:, 15 relation-stratified shots, "
            + "15 tokens, cut at the first newline",
            "Mallen et al., ACL 2023, When Not to Trust Language Models (code: AlexTMallen/adaptive-retrieval "
                    + "run_model.py)", "", PromptTemplate.of("Q: {question} A:"), "\n", 15,
            ShotStrategy.STRATIFIED_RELATION, null, List.of("\n"), 15, Extraction.FIRST_LINE);

    @Override
    public Protocol protocol() {
        return PROTOCOL;
    }
}
