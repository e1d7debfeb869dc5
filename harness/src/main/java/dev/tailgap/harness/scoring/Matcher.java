package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.List;

/**
 * Decides whether an extracted answer (see {@link AnswerExtractor}) states one of an item's gold answers. A matcher
 * says nothing about abstention: {@link Scorer} asks the {@link AbstentionDetector} only when the matcher says no.
 *
 * <p>Contract: implementations are stateless or immutable and thread-safe; {@link #name()} is a short stable
 * identifier recorded in the run spec (see {@link Matchers#byName(String)}); a gold that folds to "" never matches.
 */
public interface Matcher {

    /** Stable identifier, e.g. {@code contains}. */
    String name();

    /** True if {@code extracted} states one of {@code golds} (first = canonical, rest = aliases). */
    boolean matches(String extracted, List<String> golds);

    /**
     * Fast path used by {@link Scorer}: the same decision as {@link #matches(String, List)} given the answer already
     * folded ({@code foldedAnswer} equals {@code Normalizer.fold(extracted)}) and the golds pre-folded. The default
     * delegates to {@link #matches(String, List)} with {@link FoldedGolds#answers()}.
     */
    default boolean matchesFolded(String extracted, String foldedAnswer, FoldedGolds golds) {
        return matches(extracted, golds.answers());
    }
}
