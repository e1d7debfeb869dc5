package dev.tailgap.harness.scoring;

/**
 * Decides whether an extracted answer states one of an item's gold answers, with a short reason either way. A
 * matcher says nothing about refusals: {@link RuleScorer} asks the {@link RefusalDetector} first.
 *
 * <p>Contract: stateless or immutable and thread-safe; a gold that folds to "" never matches.
 */
interface Matcher {

    /** The verdict on {@code answer} against {@code item}'s golds. */
    Match match(Answer answer, ScoringItem item);

    /**
     * A matcher's decision: whether a gold was found, and how (or why not); {@code undecided} when the matcher cannot
     * judge the item at all (a regex scorer without a pattern for it), which makes the item an ERROR.
     */
    record Match(boolean correct, String reason, boolean undecided) {
        Match(boolean correct, String reason) {
            this(correct, reason, false);
        }

        static Match undecided(String reason) {
            return new Match(false, reason, true);
        }
    }
}
