package dev.tailgap.reports;

import java.util.List;

/**
 * Several runs on the same dataset compared against the first (the baseline): each run's {@link Report} over the
 * baseline's buckets, a paired comparison of every other run with the baseline, a ranking by accuracy in the tail
 * bucket, and the items where the runs disagree on correctness.
 *
 * <p>Contract: {@code runs.get(0)} is the baseline, and {@code pairs} has one entry per other run in the same order.
 * All runs used the dataset with {@code dataset.sha256()}. {@code tail} names the bucket the ranking uses (the
 * baseline report's tail bucket). Contains no timestamps or machine paths.
 */
public record Comparison(int schemaVersion, String tool, DatasetRef dataset, String bucketing, String tail,
                         List<ComparedRun> runs, List<PairedComparison> pairs, List<RankedRun> ranking,
                         Disagreements disagreements) {

    /** Bumped whenever the comparison's JSON shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;

    /** Holm-adjusted p-values below this are called significant. */
    public static final double ALPHA = 0.05;

    public Comparison {
        runs = List.copyOf(runs);
        pairs = List.copyOf(pairs);
        ranking = List.copyOf(ranking);
    }

    /** One run: a unique display {@code label} (its model, disambiguated when needed), its directory's name, its report. */
    public record ComparedRun(String label, String run, Report report) {
    }

    /**
     * One run against the baseline on the items both scored (paired by id): per bucket, head to tail, and over all
     * buckets ({@code overall}, not part of the Holm family), how the head-versus-tail gap changed ({@code gap}), and
     * the paired change of the hallucination and abstention rates per bucket ({@code hallucination},
     * {@code abstention}; empty when not computed).
     */
    public record PairedComparison(String baseline, String other, List<PairedBucket> buckets, PairedBucket overall,
                                   GapShift gap, List<PairedRate> hallucination, List<PairedRate> abstention) {
        public PairedComparison {
            buckets = List.copyOf(buckets);
            hallucination = hallucination == null ? List.of() : List.copyOf(hallucination);
            abstention = abstention == null ? List.of() : List.copyOf(abstention);
        }

        /** A comparison of accuracy only. */
        public PairedComparison(String baseline, String other, List<PairedBucket> buckets, PairedBucket overall,
                                GapShift gap) {
            this(baseline, other, buckets, overall, gap, List.of(), List.of());
        }
    }

    /**
     * The paired change of one outcome's rate in one bucket: over {@code pairs} items both runs scored,
     * {@code baselineOnly} and {@code otherOnly} items with the outcome in only that run, {@code difference} the other
     * run's rate minus the baseline's (Newcombe's paired 95% interval), {@code pValue} the two-sided exact McNemar
     * p-value, {@code adjustedP} Holm-adjusted across the buckets with pairs, {@code significant} below
     * {@value #ALPHA}.
     */
    public record PairedRate(String bucket, int pairs, int baselineOnly, int otherOnly, Estimate difference,
                             double pValue, double adjustedP, boolean significant) {
    }

    /**
     * The head-versus-tail accuracy gap of both runs and its change, over the baseline's head and tail
     * ({@link HeadTail}): {@code before} and {@code after} are the baseline's and the other run's gaps (head minus
     * tail accuracy over each run's scored items, Newcombe 95% intervals); {@code headChange} and {@code tailChange}
     * the paired accuracy differences (other minus baseline) in the two buckets, and {@code change} = headChange −
     * tailChange with its paired 95% interval (MOVER over the two paired Newcombe intervals). Without a head and a
     * tail, {@code head}/{@code tail} are {@code null}, the estimates undefined, and {@code note} says why.
     */
    public record GapShift(String head, String tail, Estimate before, Estimate after, Estimate headChange,
                           Estimate tailChange, Estimate change, String note) {
    }

    /**
     * The 2×2 table of one bucket: {@code pairs} items scored by both runs, of which {@code bothCorrect},
     * {@code baselineOnly} (only the baseline right), {@code otherOnly} and {@code neither}; {@code unpaired} items of
     * the bucket that one run did not score (absent or ERROR). {@code difference} is the other run's accuracy minus
     * the baseline's on the pairs, with Newcombe's paired 95% interval; {@code pValue} the two-sided exact McNemar
     * p-value; {@code adjustedP} the Holm-adjusted p-value across the buckets that have pairs (NaN for the overall
     * row and for buckets without pairs); {@code significant} means {@code adjustedP < }{@value #ALPHA}.
     */
    public record PairedBucket(String bucket, int pairs, int bothCorrect, int baselineOnly, int otherOnly, int neither,
                               int unpaired, Estimate difference, double pValue, double adjustedP,
                               boolean significant) {
    }

    /** A run's place in the ranking: its accuracy in the tail bucket with its Wilson interval. */
    public record RankedRun(String label, Estimate tailAccuracy) {
    }

    /**
     * Items scored by every run on which the runs disagree on correctness (at least one right and one not):
     * {@code total}, the count per bucket ({@code perBucket}, aligned with the baseline report's buckets), and up to
     * {@code capPerBucket} examples per bucket, ordered by bucket then id.
     */
    public record Disagreements(int total, List<Integer> perBucket, int capPerBucket, List<Disagreement> items) {
        public Disagreements {
            perBucket = List.copyOf(perBucket);
            items = List.copyOf(items);
        }
    }

    /** One item the runs disagree on: the item, and each run's outcome and answer (aligned with {@code runs}). */
    public record Disagreement(String id, String question, List<String> gold, String bucket, List<Outcome> outcomes,
                               List<String> answers) {
        public Disagreement {
            gold = List.copyOf(gold);
            outcomes = List.copyOf(outcomes);
            answers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(answers));
        }
    }
}
