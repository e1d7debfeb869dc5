package dev.tailgap.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The buckets a {@link BucketScheme} made for one dataset, ordered head (highest frequencies) to tail.
 *
 * <p>Contract: at least one bucket; names are unique; the first bucket's {@code upper} is {@code +Infinity} and each
 * bucket's {@code upper} is the previous bucket's {@code lower}, so the buckets tile {@code [tail.lower, +Infinity)}.
 * {@link #assign(double)} puts a frequency in the first bucket whose {@code lower} it reaches, and anything below the
 * tail's {@code lower} in the tail, unless {@code tailClosed}: then a frequency below the tail's {@code lower} is in no
 * bucket ({@link #UNBUCKETED}; e.g. frequency 0 under {@code mass:3:exclude-zero}) and such items are not asked.
 * {@code head} and {@code tail} are aliases of the first and last bucket.
 */
public record Bucketing(String scheme, List<Bucket> buckets, boolean tailClosed) {
    /** What {@link #assign} returns for a frequency below a closed tail. */
    public static final int UNBUCKETED = -1;

    /** A bucketing whose tail takes every frequency below it. */
    public Bucketing(String scheme, List<Bucket> buckets) {
        this(scheme, buckets, false);
    }

    public Bucketing {
        Objects.requireNonNull(scheme, "scheme");
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("a bucketing needs at least one bucket");
        }
        if (buckets.get(0).upper() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the head bucket must be open-ended (upper = +Infinity)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("bucket name " + b.name() + " is used twice");
            }
            if (i > 0 && b.upper() != buckets.get(i - 1).lower()) {
                throw new IllegalArgumentException("bucket " + b.name() + " does not end where "
                        + buckets.get(i - 1).name() + " starts");
            }
        }
    }

    /** The index of the bucket holding {@code frequency} (finite, {@code >= 0}), or {@link #UNBUCKETED}. */
    public int assign(double frequency) {
        if (!(frequency >= 0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("frequency must be finite and >= 0, got " + frequency);
        }
        int last = buckets.size() - 1;
        for (int i = 0; i < last; i++) {
            if (frequency >= buckets.get(i).lower()) {
                return i;
            }
        }
        return tailClosed && frequency < buckets.get(last).lower() ? UNBUCKETED : last;
    }

    /** The highest-frequency bucket. */
    public Bucket head() {
        return buckets.get(0);
    }

    /** The lowest-frequency bucket. */
    public Bucket tail() {
        return buckets.get(buckets.size() - 1);
    }

    /** The index of the bucket with this name, or of the first/last bucket for {@code head}/{@code tail}. */
    public OptionalInt indexOf(String nameOrAlias) {
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).name().equals(nameOrAlias)) {
                return OptionalInt.of(i);
            }
        }
        if ("head".equalsIgnoreCase(nameOrAlias)) {
            return OptionalInt.of(0);
        }
        if ("tail".equalsIgnoreCase(nameOrAlias)) {
            return OptionalInt.of(buckets.size() - 1);
        }
        return OptionalInt.empty();
    }

    /** The buckets with fewer than {@code minSize} items, in head-to-tail order (to flag, not hide). */
    public List<Bucket> smallerThan(int minSize) {
        return buckets.stream().filter(b -> b.size() < minSize).toList();
    }

    /** The bucket sizes, head to tail. */
    public int[] sizes() {
        return buckets.stream().mapToInt(Bucket::size).toArray();
    }
}
