package dev.tailgap.datasets;

import java.util.Objects;

/**
 * One frequency bucket: items with frequency in {@code [lower, upper)}, of which the dataset has {@code size}.
 *
 * <p>Contract: {@code 0 <= lower <= upper}; {@code upper} is {@code +Infinity} for the head bucket; {@code lower ==
 * upper} only for an empty bucket that the scheme keeps for a fixed bucket count; {@code size >= 0}.
 */
public record Bucket(String name, double lower, double upper, int size) {

    public Bucket {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("bucket name must not be blank");
        }
        if (!(lower >= 0) || Double.isInfinite(lower) || !(upper >= lower)) {
            throw new IllegalArgumentException("bucket " + name + " has bad range [" + lower + ", " + upper + ")");
        }
        if (size < 0) {
            throw new IllegalArgumentException("bucket " + name + " has size " + size);
        }
    }

    /** True when {@code frequency} lies in {@code [lower, upper)}. */
    public boolean contains(double frequency) {
        return frequency >= lower && frequency < upper;
    }
}
