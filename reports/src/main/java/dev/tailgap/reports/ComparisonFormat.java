package dev.tailgap.reports;

/**
 * A way to write a {@link Comparison} of runs, discovered by {@link ComparisonFormats} with
 * {@link java.util.ServiceLoader} (services file {@code META-INF/services/dev.tailgap.reports.ComparisonFormat}).
 * Contract: the same comparison gives the same text, ending in a newline.
 */
public interface ComparisonFormat extends NamedFormat {
    /** File name endings (lower case, with the dot) that choose this format for {@code compare --out FILE}. */
    java.util.List<String> extensions();

    /** The comparison as text. */
    String render(Comparison c);
}
