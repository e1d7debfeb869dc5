package dev.tailgap.harness.engine;

import java.util.regex.Pattern;

/**
 * A report file without its run metadata (times, durations, latencies, requests), the one part that differs between
 * runs of the same inputs: what the byte-identity checks compare.
 */
public final class WithoutMetadata {
    private static final Pattern JSON = Pattern.compile(",\n  \"metadata\": \\{\n.*?\n  }\n}\n$", Pattern.DOTALL);
    private static final Pattern HTML = Pattern.compile("<section id=\"run-metadata\">.*?</section>\n",
            Pattern.DOTALL);
    private static final String MD = "\n<details><summary>Run: ";

    private WithoutMetadata() {
    }

    /** {@code content} of the report file {@code name} (report.json, report.md or report.html) without metadata. */
    public static String of(String name, String content) {
        if (name.endsWith(".json")) {
            return JSON.matcher(content).replaceFirst("\n}\n");
        }
        if (name.endsWith(".md")) {
            int at = content.indexOf(MD);
            return at < 0 ? content : content.substring(0, at);
        }
        return HTML.matcher(content).replaceFirst("");
    }
}
