package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.text.Words;
import java.util.List;

/**
 * The PopQA rule and the default matcher ({@code contains}): the answer is correct if the folded form
 * ({@link Normalizer#fold(String)}) of any gold answer occurs in the folded answer <em>on word boundaries</em>.
 *
 * <p>What it catches: differences of case, diacritics, punctuation, whitespace, articles, full-width forms and
 * ligatures ("the U.S.A" for "U.S.A.", "Sao Paulo" for "São Paulo"); the gold embedded in a sentence ("The answer
 * is Paris."); multi-word golds as a whole ("New York City" in "It is New York City, I think"); golds in scripts
 * without spaces inside running text ("東京" in "東京です").
 *
 * <p>What it does NOT catch: a gold inside another word ("US" in "Russia", "Niger" in "Nigeria", "Paris" in
 * "Parisian"); paraphrases, synonyms, translations, spelling variants, partial names ("Twain" for "Mark Twain") and
 * abbreviations that are not listed as aliases — note "U.S.A." folds to "u s a" and does not match "USA"; numbers
 * written differently ("twelve" for "12").
 *
 * <p>Known leniency, identical to PopQA's substring rule and kept on purpose for comparability: a negation ("not
 * Mark Twain"), a list of guesses ("Paris or Lyon"), a hedge ("maybe Paris") or a longer wrong answer that contains
 * the gold ("Paris, Texas") counts as correct; because articles are dropped, the gold "Vitamin A" folds to "vitamin"
 * and matches "vitamin B". In scripts written without spaces (Chinese, Japanese, Thai, ...) there are no word
 * boundaries to check, so the rule is a plain substring test there: "京都" (Kyoto) is found in "東京都" (Tokyo).
 * Use {@link ExactMatcher} when this matters.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContainsMatcher implements Matcher {

    /** The matcher's name: {@value}. */
    public static final String NAME = "contains";

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
            if (Words.containsWord(answer, Normalizer.fold(gold))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matchesFolded(String extracted, String foldedAnswer, FoldedGolds golds) {
        List<String> folded = golds.folded();
        for (int i = 0, n = folded.size(); i < n; i++) {
            if (Words.containsWord(foldedAnswer, folded.get(i))) {
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
