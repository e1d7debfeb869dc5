package dev.tailgap.datasets;

import java.util.Objects;

/**
 * What a dataset is: its identity ({@code name@version}), provenance and the meaning of its {@code frequency} field.
 *
 * <p>Contract: {@code name} and {@code version} are non-blank; {@code frequencySource} says what the items'
 * frequency measures (page views, corpus counts, population, ...); {@code bucketing} is the default bucketing scheme
 * spec (e.g. {@code mass:3}). Other fields may be empty strings but never {@code null}.
 */
public record Manifest(String name, String version, String description, String license, String source,
                       String attribution, String frequencySource, String bucketing) {

    /** The default bucketing when a manifest does not name one (Head-to-Tail cumulative-mass thirds). */
    public static final String DEFAULT_BUCKETING = "mass:3";

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        description = orEmpty(description);
        license = orEmpty(license);
        source = orEmpty(source);
        attribution = orEmpty(attribution);
        frequencySource = orEmpty(frequencySource);
        bucketing = bucketing == null || bucketing.isBlank() ? DEFAULT_BUCKETING : bucketing;
    }

    /** {@code name@version}, the dataset's identity in results. */
    public String id() {
        return name + "@" + version;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
