package dev.tailgap.adapters;

/** Helpers for the one-line failure messages adapters write. */
public final class Messages {
    /** Longest excerpt of a reply quoted in a message. */
    public static final int SNIPPET = 200;

    private Messages() {
    }

    /** The start of {@code text} on one line (whitespace runs collapsed), at most {@value #SNIPPET} characters. */
    public static String snippet(String text) {
        String one = text.replaceAll("\\s+", " ").trim();
        if (one.isEmpty()) {
            return "(empty)";
        }
        return one.length() <= SNIPPET ? one : one.substring(0, SNIPPET) + "...";
    }
}
