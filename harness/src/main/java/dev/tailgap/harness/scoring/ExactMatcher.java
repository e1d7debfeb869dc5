package dev.tailgap.harness.scoring;

/**
 * Exact match after folding ({@code exact}): the answer is correct if its folded form ({@link Normalizer#fold}) equals
 * the folded form of some gold answer.
 *
 * <p>What it catches: the same differences {@code contains} forgives inside the answer itself — case, diacritics,
 * punctuation, whitespace, articles, full-width forms, ligatures ("the Côte d'Ivoire." for "Cote d'Ivoire").
 *
 * <p>What it does NOT catch: any extra word, so a correct answer in a sentence ("The answer is Paris.", "Paris,
 * France") is not credited; paraphrases, unlisted aliases and abbreviations ("USA" for "U.S.A."). In exchange it has
 * none of the substring leniency: "not Mark Twain" and "Paris or Lyon" are not correct. Pair it with a brief-answer
 * prompt.
 */
final class ExactMatcher implements Matcher {

    @Override
    public Match match(Answer answer, ScoringItem item) {
        for (FoldedGolds.Gold gold : item.golds().golds()) {
            if (answer.folded().equals(gold.folded())) {
                return new Match(true, "answer is gold '" + gold.text() + "'");
            }
        }
        return new Match(false, "answer is no gold");
    }
}
