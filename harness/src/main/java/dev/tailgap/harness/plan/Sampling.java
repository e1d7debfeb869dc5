package dev.tailgap.harness.plan;

import dev.tailgap.datasets.BucketScheme;
import java.util.Objects;

/**
 * Which items a run asks: the dataset (a bundled name or a JSONL file; default {@value #DEFAULT_DATASET}), the
 * bucketing scheme ({@code null}: the dataset manifest's; {@code mass:K}, {@code log10}, {@code quantile:K},
 * {@code edges:a,b,...}, checked here), the size under which a bucket is flagged too small to read (default
 * {@value #DEFAULT_MIN_BUCKET_SIZE}), at most {@code perBucket} items per bucket and {@code limit} in all
 * ({@code null}: no cap), the sampling seed (default {@value #DEFAULT_SEED}), and whether invalid dataset lines are
 * skipped and counted instead of failing the run. Immutable.
 */
public record Sampling(String dataset, String bucketing, int minBucketSize, Integer perBucket, Integer limit,
                       long seed, boolean skipInvalid) {

    /** The dataset a run asks when none is named: the bundled world-cities. */
    public static final String DEFAULT_DATASET = "world-cities";
    public static final int DEFAULT_MIN_BUCKET_SIZE = 30;
    public static final long DEFAULT_SEED = 1234;
    /** The bundled dataset, its own bucketing, every item, seed {@value #DEFAULT_SEED}. */
    public static final Sampling DEFAULTS = new Sampling(DEFAULT_DATASET, null, DEFAULT_MIN_BUCKET_SIZE, null, null,
            DEFAULT_SEED, false);

    public Sampling {
        Objects.requireNonNull(dataset, "dataset");
        if (bucketing != null) {
            try {
                BucketScheme.parse(bucketing);
            } catch (PlanException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PlanException("bucketing '" + bucketing + "': " + e.getMessage());
            }
        }
        if (minBucketSize < 0) {
            throw new PlanException("min bucket size must be >= 0, got " + minBucketSize);
        }
        if (perBucket != null && perBucket < 1) {
            throw new PlanException("per bucket must be >= 1, got " + perBucket);
        }
        if (limit != null && limit < 1) {
            throw new PlanException("limit must be >= 1, got " + limit);
        }
    }

    /** The bucketing scheme, parsed; {@code null} when the dataset manifest's applies. */
    public BucketScheme scheme() {
        return bucketing == null ? null : BucketScheme.parse(bucketing);
    }

    public Sampling withDataset(String v) {
        return new Sampling(v, bucketing, minBucketSize, perBucket, limit, seed, skipInvalid);
    }

    public Sampling withBucketing(String v) {
        return new Sampling(dataset, v, minBucketSize, perBucket, limit, seed, skipInvalid);
    }

    public Sampling withMinBucketSize(int v) {
        return new Sampling(dataset, bucketing, v, perBucket, limit, seed, skipInvalid);
    }

    public Sampling withPerBucket(Integer v) {
        return new Sampling(dataset, bucketing, minBucketSize, v, limit, seed, skipInvalid);
    }

    public Sampling withLimit(Integer v) {
        return new Sampling(dataset, bucketing, minBucketSize, perBucket, v, seed, skipInvalid);
    }

    public Sampling withSeed(long v) {
        return new Sampling(dataset, bucketing, minBucketSize, perBucket, limit, v, skipInvalid);
    }

    public Sampling withSkipInvalid(boolean v) {
        return new Sampling(dataset, bucketing, minBucketSize, perBucket, limit, seed, v);
    }
}
