package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Words;
/**
 * The PopQA rule, improved ({@code contains}): the answer is correct if the folded form ({@link Normalizer#fold}) of
 * a gold occurs in the folded answer <em>on word boundaries</em>, except that a guarded gold (short or a function
 * word, see {@link AliasRule}) must be the whole answer or, unless it is a function word, a case-sensitive word of the
 * answer as written.
 *
 * <p>What it catches: differences of case, diacritics, punctuation, whitespace, articles, full-width forms and
 * ligatures ("the U.S.A" for "U.S.A.", "Sao Paulo" for "São Paulo"); the gold embedded in a sentence ("The answer
 * is Paris."); multi-word golds as a whole ("New York City" in "It is New York City, I think"); golds in scripts
 * without spaces inside running text ("東京" in "東京です").
 *
 * <p>What it does NOT catch: a gold inside another word ("Niger" in "Nigeria", "Peru" in "Peruvian": derived forms
 * are not golds unless {@code derived=true}, see {@link DerivedForms}); paraphrases, synonyms, translations, spelling variants, partial names ("Twain" for "Mark Twain") and
 * abbreviations not listed as aliases — "U.S.A." folds to "u s a" and does not match "USA"; numbers written
 * differently ("twelve" for "12"); a short alias inside a sentence ("Born in the US" for "US").
 *
 * <p>Known leniency, identical to PopQA's substring rule and kept on purpose for comparability: a negation ("not
 * Mark Twain"), a list of guesses ("Paris or Lyon") or a longer wrong answer that contains the gold ("Paris, Texas")
 * counts as correct; because articles are dropped, the gold "Vitamin A" folds to "vitamin" and matches "vitamin B".
 * In scripts written without spaces there are no word boundaries to check, so the rule is a plain substring test
 * there: "京都" (Kyoto) is found in "東京都" (Tokyo). Use {@code exact} or {@code judge} when this matters.
 */
final class ContainsMatcher implements Matcher {
    private final AliasRule rule;
    private final boolean derived;

    ContainsMatcher(AliasRule rule) {
        this(rule, false);
    }

    /** With {@code derived}, a gold's {@link DerivedForms} count too. */
    ContainsMatcher(AliasRule rule, boolean derived) {
        this.rule = rule;
        this.derived = derived;
    }

    @Override
    public Match match(Answer answer, ScoringItem item) {
        if (answer.folded().isEmpty()) {
            return new Match(false, "empty answer");
        }
        Match guardedMiss = null;
        for (FoldedGolds.Gold gold : item.golds().golds()) {
            if (rule == AliasRule.PLAIN || !gold.guarded()) {
                if (Words.containsWord(answer.folded(), gold.folded())) {
                    return new Match(true, "gold '" + gold.text() + "' in the answer");
                }
                continue;
            }
            if (answer.folded().equals(gold.folded())) {
                return new Match(true, "short alias '" + gold.text() + "' is the whole answer");
            }
            if (!AliasRule.FUNCTION_WORDS.contains(gold.folded())
                    && caseSensitiveWords(answer.tokens(), gold.text())) {
                return new Match(true, "short alias '" + gold.text() + "' as a case-sensitive word");
            }
            if (guardedMiss == null && Words.containsWord(answer.folded(), gold.folded())) {
                guardedMiss = new Match(false, "no gold; short alias '" + gold.text()
                        + "' counts only as the whole answer" + (AliasRule.FUNCTION_WORDS.contains(gold.folded())
                        ? "" : " or a case-sensitive word"));
            }
        }
        if (derived) {
            for (FoldedGolds.Gold gold : item.golds().golds()) {
                for (String form : DerivedForms.of(gold)) {
                    if (Words.containsWord(answer.folded(), form)) {
                        return new Match(true, "derived form '" + form + "' of gold '" + gold.text() + "'");
                    }
                }
            }
        }
        return guardedMiss != null ? guardedMiss : new Match(false, "no gold in the answer");
    }

    /** True if the words of {@code gold} as written occur, same case, as consecutive words of the answer. */
    static boolean caseSensitiveWords(Tokens answer, String gold) {
        Tokens g = Tokens.of(gold);
        if (g.size() == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + g.size() <= answer.size(); i++) {
            for (int j = 0; j < g.size(); j++) {
                if (!answer.get(i + j).text().equals(g.get(j).text())) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
