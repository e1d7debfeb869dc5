package dev.tailgap.reports;

import java.util.List;

/**
 * Answer consistency of a run that asked every item {@code samples} (K &gt; 1) times, per bucket (head to tail, aligned
 * with the report's buckets) and over the whole run (pooled, not weighted). See {@link Row}.
 */
public record Consistency(int samples, List<Row> buckets, Row overall) {
    public Consistency {
        buckets = List.copyOf(buckets);
        if (samples < 2) {
            throw new IllegalArgumentException("consistency needs 2 or more samples, got " + samples);
        }
    }

    /**
     * One bucket's (or the run's) figures over its {@code n} items whose K samples were all scored (an item with a
     * failed sample is left out): {@code unstable} items whose K answers do not all agree once normalised (case,
     * accents, punctuation and spacing folded; every abstention counts as one answer), and the {@code instability}
     * share with its Wilson 95% interval; the accuracy of the majority-vote answer (the most frequent normalised
     * answer, ties going to the one given first; {@code majorityCorrect} items); {@code accuracyAtK}, the share of
     * items with any correct sample ({@code anyCorrect}); and {@code firstAccuracy}, the first sample's accuracy over
     * the same items ({@code firstCorrect}).
     */
    public record Row(String name, int n, int unstable, Estimate instability, int majorityCorrect,
                      Estimate majorityAccuracy, int anyCorrect, Estimate accuracyAtK, int firstCorrect,
                      Estimate firstAccuracy) {
    }
}
