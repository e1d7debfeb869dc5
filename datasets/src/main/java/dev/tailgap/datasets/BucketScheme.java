package dev.tailgap.datasets;

/**
 * A rule that turns a dataset's frequencies into head-to-tail {@link Bucketing} edges.
 *
 * <p>Contract: {@link #apply(double[])} computes the edges once from the whole array it is given (pass the whole
 * dataset, never a sample) and fills in each bucket's size; equal frequencies always share a bucket and a higher
 * frequency never lands in a bucket nearer the tail than a lower one. {@link #spec()} is the canonical spec string,
 * which {@link #parse(String)} accepts.
 */
public interface BucketScheme {

    /** The valid spec forms, for error messages and help. */
    String FORMS = "mass[:K] (K>=2, default 3), log10, quantile:K (K>=2), edges:a,b,... (increasing numbers > 0)";

    /** The canonical spec, e.g. {@code mass:3}. */
    String spec();

    /**
     * Buckets {@code frequencies} (each finite and {@code >= 0}).
     *
     * @throws IllegalArgumentException when the frequencies are empty, invalid, or unusable by this scheme
     */
    Bucketing apply(double[] frequencies);

    /**
     * Parses {@code mass}, {@code mass:K}, {@code log10}, {@code quantile:K} or {@code edges:a,b,...}.
     *
     * @throws IllegalArgumentException with a one-line message listing the valid forms
     */
    static BucketScheme parse(String spec) {
        return BucketSchemes.parse(spec);
    }
}
