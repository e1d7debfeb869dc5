package dev.tailgap.harness.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token F1 ({@code f1}), as SQuAD and HELM compute it: both texts normalised (lower case, punctuation and the articles
 * "a", "an", "the" removed, whitespace collapsed — tailgap's {@link Normalizer#fold} also removes diacritics and
 * keeps "a" next to an initial), split on spaces, F1 = 2PR / (P + R) over the multiset of shared tokens, maximum over
 * the golds; the answer is correct when that maximum reaches the threshold (default {@value #DEFAULT_THRESHOLD}). A
 * guarded gold (short or a function word, {@link AliasRule}) scores 1 when it is the whole answer and 0 otherwise, so
 * "Tell us more" gets no credit for "US".
 *
 * <p>What it catches: partial answers ("Twain" for "Mark Twain": F1 0.67) and small extra words ("Paris, France").
 * What it misses: correct answers inside long sentences ("The capital of France is Paris": 0.33), paraphrases; and it
 * credits near-misses that share words ("John Smith" for "John Adams": 0.5).
 */
final class F1Matcher implements Matcher {
    static final double DEFAULT_THRESHOLD = 0.5;
    private final double threshold;

    F1Matcher(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("f1 threshold must be in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    double threshold() {
        return threshold;
    }

    @Override
    public Match match(Answer answer, ScoringItem item) {
        double best = 0;
        String bestGold = null;
        for (FoldedGolds.Gold gold : item.golds().golds()) {
            double f = gold.guarded() ? (answer.folded().equals(gold.folded()) ? 1 : 0)
                    : f1(answer.folded(), gold.folded());
            if (f > best) {
                best = f;
                bestGold = gold.text();
            }
        }
        String how = String.format(Locale.ROOT, "token F1 %.2f", best)
                + (bestGold == null ? "" : " with '" + bestGold + "'");
        return best >= threshold ? new Match(true, how)
                : new Match(false, how + String.format(Locale.ROOT, " < %.2f", threshold));
    }

    /** Token F1 of two folded texts (0 when either is empty). */
    static double f1(String prediction, String gold) {
        if (prediction.isEmpty() || gold.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        String[] p = prediction.split(" ");
        String[] g = gold.split(" ");
        for (String t : g) {
            counts.merge(t, 1, Integer::sum);
        }
        int common = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.length;
        double recall = (double) common / g.length;
        return 2 * precision * recall / (precision + recall);
    }
}
