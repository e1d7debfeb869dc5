package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.List;

/**
 * Exact match after folding ({@code exact}): the answer is correct if its folded form
 * ({@link Normalizer#fold(String)}) equals the folded form of some gold answer.
 *
 * <p>What it catches: the same differences {@link ContainsMatcher} forgives inside the answer itself — case,
 * diacritics, punctuation, whitespace, articles, full-width forms, ligatures ("the Côte d'Ivoire." for "Cote
 * d'Ivoire").
 *
 * <p>What it does NOT catch: any extra word, so a correct answer in a sentence ("The answer is Paris.", "Paris,
 * France") is not credited; paraphrases, unlisted aliases and abbreviations ("USA" for "U.S.A."), as for
 * {@code contains}. In exchange it has none of the substring leniency: "not Mark Twain" and "Paris or Lyon" are not
 * correct. Pair it with a brief-answer prompt.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExactMatcher implements Matcher {

    /** The matcher's name: {@value}. */
    public static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(String extracted, List<String> golds) {
        String answer = Normalizer.fold(extracted);
        if (answer.isEmpty()) {
            return false;
        }
        for (String gold : golds) {
            if (answer.equals(Normalizer.fold(gold))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matchesFolded(String extracted, String foldedAnswer, FoldedGolds golds) {
        if (foldedAnswer.isEmpty()) {
            return false;
        }
        List<String> folded = golds.folded();
        for (int i = 0, n = folded.size(); i < n; i++) {
            if (foldedAnswer.equals(folded.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
