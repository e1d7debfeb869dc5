package dev.tailgap.harness.scoring;

import java.util.List;
import java.util.Locale;

/**
 * The built-in matchers by name, for the CLI and config files: {@code contains} ({@link ContainsMatcher}, the
 * default) and {@code exact} ({@link ExactMatcher}). Names are matched ignoring case and surrounding whitespace.
 */
public final class Matchers {

    private static final Matcher CONTAINS = new ContainsMatcher();
    private static final Matcher EXACT = new ExactMatcher();

    private Matchers() {
    }

    /** The known names, default first. */
    public static List<String> names() {
        return List.of(ContainsMatcher.NAME, ExactMatcher.NAME);
    }

    /** The default matcher ({@code contains}). */
    public static Matcher defaultMatcher() {
        return CONTAINS;
    }

    /** The matcher called {@code name}; {@link IllegalArgumentException} naming the known ones otherwise. */
    public static Matcher byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case ContainsMatcher.NAME:
                return CONTAINS;
            case ExactMatcher.NAME:
                return EXACT;
            default:
                throw new IllegalArgumentException(
                        "unknown matcher '" + name + "'; known matchers: " + String.join(", ", names()));
        }
    }
}
