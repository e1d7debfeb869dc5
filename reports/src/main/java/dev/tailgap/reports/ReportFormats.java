package dev.tailgap.reports;

import java.util.List;

/**
 * The {@link ReportFormat}s on the class path. Contract: sorted by name; looked up by name or alias, ignoring case; two
 * formats under one spelling fail with an {@link IllegalStateException} naming both classes; an unknown name is an
 * {@link IllegalArgumentException} listing the known ones.
 */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** The formats the class loader of this library sees. */
    public static List<ReportFormat> all() {
        return registry(ReportFormat.class.getClassLoader()).all();
    }

    /** The format named {@code spelling}. */
    public static ReportFormat get(String spelling) {
        return registry(ReportFormat.class.getClassLoader()).get(spelling);
    }

    /** Every name, aliases in brackets, for messages and help. */
    public static String names() {
        return registry(ReportFormat.class.getClassLoader()).names();
    }

    /** The formats {@code loader} sees (a plug-in directory's class loader, a test's). */
    public static List<ReportFormat> all(ClassLoader loader) {
        return registry(loader).all();
    }

    private static FormatRegistry<ReportFormat> registry(ClassLoader loader) {
        return FormatRegistry.load(ReportFormat.class, loader, "report format");
    }
}
