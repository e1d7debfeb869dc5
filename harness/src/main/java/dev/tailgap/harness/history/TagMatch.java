package dev.tailgap.harness.history;

import dev.tailgap.harness.TailgapException;
import java.util.List;
import java.util.Map;

/**
 * A condition on a run's tags, as written on the command line: {@code KEY=VALUE} (the run has the tag with that
 * value) or {@code KEY} (the run has the tag, with any value).
 */
public record TagMatch(String key, String value) {

    /** Parses {@code KEY=VALUE} or {@code KEY}; {@code option} names where it came from in the usage error. */
    public static TagMatch parse(String text, String option) {
        int eq = text.indexOf('=');
        String key = (eq < 0 ? text : text.substring(0, eq)).strip();
        if (key.isEmpty()) {
            throw TailgapException.usage(option + " '" + text + "': expected KEY=VALUE (e.g. series=nightly) or KEY");
        }
        return new TagMatch(key, eq < 0 ? null : text.substring(eq + 1));
    }

    /** Parses every condition; {@code null} is none. */
    public static List<TagMatch> parseAll(List<String> texts, String option) {
        return texts == null ? List.of() : texts.stream().map(t -> parse(t, option)).toList();
    }

    public boolean matches(Map<String, String> tags) {
        String v = tags.get(key);
        return v != null && (value == null || value.equals(v));
    }

    /** True when {@code tags} meet every condition. */
    public static boolean all(List<TagMatch> matches, Map<String, String> tags) {
        return matches.stream().allMatch(m -> m.matches(tags));
    }

    @Override
    public String toString() {
        return value == null ? key : key + "=" + value;
    }
}
