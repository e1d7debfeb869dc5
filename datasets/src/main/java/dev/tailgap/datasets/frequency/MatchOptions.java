package dev.tailgap.datasets.frequency;

import java.io.Serializable;

/**
 * How concept names are matched in the corpus.
 *
 * <p>{@code minAliasLength}: concept names shorter than this many characters after folding are not counted (answers
 * are not affected); {@code 1} counts every name. {@code relationWindow}: when positive, a mention counts only if a
 * word of the item's relation (a folded word of at least {@link #RELATION_WORD_MIN} characters) occurs within that
 * many words before or after it; {@code 0} turns the check off. Items without a relation then count nothing.
 */
public record MatchOptions(int minAliasLength, int relationWindow) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Count every name, no relation check. */
    public static final MatchOptions DEFAULT = new MatchOptions(1, 0);

    /** Relation words shorter than this ("of", "in") are ignored by the relation check. */
    public static final int RELATION_WORD_MIN = 3;

    public MatchOptions {
        if (minAliasLength < 1) {
            throw new IllegalArgumentException("minimum alias length must be at least 1, got " + minAliasLength);
        }
        if (relationWindow < 0) {
            throw new IllegalArgumentException("relation window must be 0 (off) or positive, got " + relationWindow);
        }
    }
}
