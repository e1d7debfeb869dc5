package dev.tailgap.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@link ComparisonFormat}s on the class path, with the contract of {@link ReportFormats}: sorted by name, looked
 * up by name or alias, duplicates refused naming both classes.
 */
public final class ComparisonFormats {
    private ComparisonFormats() {
    }

    public static List<ComparisonFormat> all() {
        return registry().all();
    }

    /** The format named {@code spelling}. */
    public static ComparisonFormat get(String spelling) {
        return registry().get(spelling);
    }

    /** Every name, aliases in brackets. */
    public static String names() {
        return registry().names();
    }

    /** The format whose extension {@code file} ends with, or {@code fallback} when none does. */
    public static ComparisonFormat forFile(Path file, String fallback) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ComparisonFormat f : all()) {
            for (String ext : f.extensions()) {
                if (name.endsWith(ext)) {
                    return f;
                }
            }
        }
        return get(fallback);
    }

    private static FormatRegistry<ComparisonFormat> registry() {
        return FormatRegistry.load(ComparisonFormat.class, ComparisonFormat.class.getClassLoader(),
                "comparison format");
    }
}
