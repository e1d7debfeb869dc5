package dev.tailgap.datasets;

/**
 * Which items a run asks about: at most {@code perBucket} per bucket, then at most {@code limit} overall, chosen by a
 * {@code seed}ed rank (see {@link Sampler}).
 *
 * <p>Contract: {@code null} means no cap; a cap, when present, is {@code >= 1}.
 */
public record SamplingSpec(Integer perBucket, Integer limit, long seed) {

    public SamplingSpec {
        if (perBucket != null && perBucket < 1) {
            throw new IllegalArgumentException("perBucket must be >= 1, got " + perBucket);
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
    }

    /** Every item. */
    public static SamplingSpec all() {
        return new SamplingSpec(null, null, 0);
    }
}
