package dev.tailgap.harness.scoring;

import java.util.Locale;

/**
 * What a hedged guess ("I'm not sure, maybe Lyon", see {@link RefusalDetector.Kind#HEDGED}) counts as.
 * {@link #ANSWER} (the default): the guess is scored like any answer, CORRECT or HALLUCINATED — Head-to-Tail (Sun et
 * al. 2024) counts as missing only answers that are "unsure" or empty and judges everything else. {@link #ABSTAIN}:
 * every hedged answer is ABSTAINED, right or wrong.
 */
public enum HedgePolicy {
    ANSWER, ABSTAIN;

    /** The default policy, {@link #ANSWER}. */
    public static final HedgePolicy DEFAULT = ANSWER;

    /** {@code answer} or {@code abstain}, ignoring case; {@link IllegalArgumentException} otherwise. */
    public static HedgePolicy parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--hedged must be answer or abstain, got '" + s + "'");
        }
    }

    /** The lower-case name used on the command line and in run specs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
