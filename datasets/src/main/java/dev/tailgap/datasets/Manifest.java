package dev.tailgap.datasets;

import java.util.Objects;

/**
 * What a dataset is: its identity ({@code name@version}), provenance and the meaning of its {@code frequency} field.
 *
 * <p>Contract: {@code name} and {@code version} are non-blank; {@code frequencySource} says what the items'
 * frequency measures (page views, corpus counts, population, ...); {@code bucketing} is the default bucketing scheme
 * spec (e.g. {@code mass:3}); {@code aliasRule} says how scorers treat short and function-word aliases:
 * {@value #GUARDED_ALIASES} (the default) or {@value #PLAIN_ALIASES} (see the harness's {@code AliasRule}). Other
 * fields may be empty strings but never {@code null}.
 */
public record Manifest(String name, String version, String description, String license, String source,
                       String attribution, String frequencySource, String bucketing, String aliasRule) {

    /** Short and function-word aliases match only as a whole answer or a case-sensitive token (the default). */
    public static final String GUARDED_ALIASES = "guarded";
    /** Every alias matches like any other (for datasets whose short aliases were checked by hand). */
    public static final String PLAIN_ALIASES = "plain";

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
        aliasRule = aliasRule == null || aliasRule.isBlank() ? GUARDED_ALIASES : aliasRule;
        if (!aliasRule.equals(GUARDED_ALIASES) && !aliasRule.equals(PLAIN_ALIASES)) {
            throw new IllegalArgumentException("aliasRule must be " + GUARDED_ALIASES + " or " + PLAIN_ALIASES
                    + ", got '" + aliasRule + "'");
        }
    }

    /** A manifest with the default alias rule. */
    public Manifest(String name, String version, String description, String license, String source,
                    String attribution, String frequencySource, String bucketing) {
        this(name, version, description, license, source, attribution, frequencySource, bucketing, null);
    }

    /** {@code name@version}, the dataset's identity in results. */
    public String id() {
        return name + "@" + version;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
