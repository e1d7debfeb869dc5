package dev.tailgap.datasets.frequency;

import java.util.Locale;

/** Which corpus count becomes an item's {@code frequency}. */
public enum Measure {
    /** Occurrences of the concept's names. */
    MENTIONS("occurrences of the concept's names"),
    /** Documents mentioning the concept. */
    DOCS("documents mentioning the concept"),
    /** Documents mentioning the concept and one of its answers (Kandpal et al.'s relevant documents). */
    COOCCURRENCE("documents mentioning the concept and one of its answers not in the question "
            + "(Kandpal et al.'s relevant documents)");

    /** The measure used when none is chosen: Kandpal et al.'s. */
    public static final Measure DEFAULT = COOCCURRENCE;

    private final String meaning;

    Measure(String meaning) {
        this.meaning = meaning;
    }

    /** What the count is, in words. */
    public String meaning() {
        return meaning;
    }

    /** The name on the command line and in item meta keys: {@code mentions}, {@code docs}, {@code cooccurrence}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The item meta key holding this count: {@code corpus_mentions}, ... */
    public String metaKey() {
        return "corpus_" + cliName();
    }

    /** Parses a {@link #cliName()}. */
    public static Measure parse(String s) {
        for (Measure m : values()) {
            if (m.cliName().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown count \"" + s + "\" (use mentions, docs or cooccurrence)");
    }
}
