package dev.tailgap.assertj;

import dev.tailgap.harness.gate.RunResults;

/**
 * Comparisons of a run with a baseline run on the same dataset, over the items scored in both (paired by id); see
 * {@link dev.tailgap.harness.gate.Gate} for the statistics. The significance level is 0.05 unless {@link #atAlpha}
 * says otherwise.
 */
public final class ComparisonAssert {
    private final RunAssert run;
    private final RunResults baseline;
    private final double alpha;

    ComparisonAssert(RunAssert run, RunResults baseline, double alpha) {
        this.run = run;
        this.baseline = baseline;
        this.alpha = alpha;
    }

    /** The same comparison at another significance level. */
    public ComparisonAssert atAlpha(double alpha) {
        return new ComparisonAssert(run, baseline, alpha);
    }

    /** A bucket by name, {@code head}/{@code tail}, or {@code overall}. */
    public PairedBucketAssert bucket(String nameOrAlias) {
        return new PairedBucketAssert(nameOrAlias);
    }

    /** Paired assertions over one bucket. */
    public final class PairedBucketAssert {
        private final String bucket;

        PairedBucketAssert(String bucket) {
            this.bucket = bucket;
        }

        /**
         * Fails only when the data show, at the comparison's alpha, that accuracy dropped by more than
         * {@code tolerance} (baseline minus run; one-sided score test): the gate rule
         * {@code BUCKET.accuracy.drop <= tolerance}.
         */
        public PairedBucketAssert hasNoSignificantDrop(double tolerance) {
            run.check(bucket + ".accuracy.drop <= " + RunAssert.number(tolerance), baseline, alpha);
            return this;
        }

        /** Fails only when the data show that the hallucination rate rose by more than {@code tolerance}. */
        public PairedBucketAssert hasNoSignificantHallucinationRise(double tolerance) {
            run.check(bucket + ".hallucination.rise <= " + RunAssert.number(tolerance), baseline, alpha);
            return this;
        }

        /**
         * Passes only when the data show, at the comparison's alpha, that accuracy dropped by less than
         * {@code margin}: the release-gate rule {@code BUCKET.accuracy.noninferior <= margin}.
         */
        public PairedBucketAssert isNonInferior(double margin) {
            run.check(bucket + ".accuracy.noninferior <= " + RunAssert.number(margin), baseline, alpha);
            return this;
        }
    }
}
