package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Words;
import java.util.Set;

/**
 * How gold answers that are easily found by accident are matched. A <em>guarded</em> gold is one of at most
 * {@value #SHORT} characters ("US", "IT", "DE", "in") or a common English function word ("can", "no", "will", "may",
 * see {@link #FUNCTION_WORDS}), compared after folding. Under {@link #GUARDED} (the default) a guarded gold counts only
 * <ul>
 *   <li>as the whole answer, after folding ("US", "us", "the US."), or</li>
 *   <li>when it is not a function word, as a case-sensitive whole word sequence of the answer as written ("DE" in
 *       "Born in DE", never in "de la Cruz").</li>
 * </ul>
 * So "I can't say" is not Canada ("CAN"), "It is in Europe" is neither Italy ("IT") nor India ("in") and "Tell us
 * more" is not the United States ("US"); "Born in the US" is not credited either, which is the price of the rule.
 * {@link #PLAIN} matches every gold alike (the dataset manifest's {@code aliasRule: plain}).
 */
public enum AliasRule {
    GUARDED, PLAIN;

    /** Longest gold, in characters after folding, that is guarded whatever it is. */
    public static final int SHORT = 3;

    /** Folded English function words: articles, pronouns, prepositions, conjunctions, auxiliaries, modals. */
    public static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "all", "each", "every", "no", "not",
            "none", "nor", "yes", "and", "or", "but", "if", "then", "else", "so", "than", "as", "because", "while",
            "when", "where", "who", "whom", "whose", "which", "what", "why", "how", "whether", "though", "although",
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
            "her", "hers", "it", "its", "they", "them", "their", "theirs", "one", "ones", "myself", "itself",
            "in", "on", "at", "by", "for", "of", "off", "to", "from", "with", "without", "into", "onto", "upon",
            "over", "under", "about", "above", "below", "after", "before", "between", "among", "through", "during",
            "against", "across", "along", "around", "behind", "beyond", "near", "since", "until", "till", "up", "down",
            "out", "per", "via", "within", "toward", "towards",
            "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "have", "has", "had",
            "can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought",
            "here", "there", "now", "just", "also", "only", "too", "very", "more", "most", "less", "much", "many",
            "such", "same", "other", "own", "again", "ever", "never", "yet", "still", "even", "well", "ok", "okay",
            "oh", "hi", "hey", "please", "maybe", "either", "neither", "both", "few", "several");

    /** The rule a dataset manifest's {@code aliasRule} names ({@code guarded} or {@code plain}). */
    public static AliasRule ofManifest(String name) {
        return "plain".equals(name) ? PLAIN : GUARDED;
    }

    /**
     * True if the folded gold is short or a function word (whatever the rule). Golds in scripts written without
     * spaces (Han, Kana, Thai, ...) are never short: two characters make a normal name there ("東京").
     */
    public static boolean isGuarded(String foldedGold) {
        if (FUNCTION_WORDS.contains(foldedGold)) {
            return true;
        }
        return foldedGold.codePointCount(0, foldedGold.length()) <= SHORT
                && foldedGold.codePoints().noneMatch(Words::unspaced);
    }
}
