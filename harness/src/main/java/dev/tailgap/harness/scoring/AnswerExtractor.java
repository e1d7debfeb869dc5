package dev.tailgap.harness.scoring;

/**
 * Pulls the answer out of a model's raw completion, before matching.
 *
 * <p>{@link #extract(String)}: {@code null} gives ""; lines are split at {@code \n}, {@code \r\n} or {@code \r};
 * the result is the first line that, once stripped of surrounding whitespace ({@link String#strip()}) and cleaned,
 * still contains a letter or a digit (so a line that is only a label such as "Answer:", a code fence or a markdown
 * rule is skipped); "" if no line does. Cleaning repeats until nothing changes:
 * <ul>
 *   <li>a leading label "Final answer", "Answer" or "A" followed by optional spaces and a colon (":" or "："),
 *       ignoring case, is removed — also when the label is in markdown bold ("**Answer:** Paris",
 *       "**Answer**: Paris", "**Answer: Paris**"); repeated labels ("A: Answer: Paris") are all removed;</li>
 *   <li>one pair of wrapping quotes ({@code "…"}, {@code '…'}, {@code “…”}, {@code ‘…’}, {@code „…“}, {@code «…»},
 *       {@code 「…」}, {@code 『…』}, backticks) or markdown emphasis ({@code **…**}, {@code __…__}, {@code *…*})
 *       around the whole line is removed;</li>
 *   <li>the result is stripped of surrounding whitespace again.</li>
 * </ul>
 *
 * <p>It deliberately does NOT cut at the first sentence or comma: "The answer is Paris." is returned as is and
 * matching decides. It does not remove a label without a colon ("Answer Paris"), an echoed question, or reasoning
 * that precedes the answer on the first line.
 */
public final class AnswerExtractor {

    private static final String[] LABELS = {"final answer", "answer", "a"};
    private static final String[][] WRAPPERS = {
        {"**", "**"}, {"__", "__"}, {"\"", "\""}, {"'", "'"}, {"“", "”"}, {"‘", "’"}, {"„", "“"}, {"«", "»"},
        {"「", "」"}, {"『", "』"}, {"`", "`"}, {"*", "*"},
    };

    private AnswerExtractor() {
    }

    /** The answer part of {@code raw}, never {@code null}. */
    public static String extract(String raw) {
        if (raw == null) {
            return "";
        }
        int n = raw.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n) {
                char c = raw.charAt(end);
                if (c == '\n' || c == '\r') {
                    break;
                }
                end++;
            }
            String line = clean(raw.substring(start, end));
            if (hasLetterOrDigit(line)) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    private static String clean(String line) {
        String t = line.strip();
        while (true) {
            String u = stripLabel(t);
            if (u == t) {
                u = unwrap(t);
            }
            if (u == t) {
                return t;
            }
            t = u.strip();
        }
    }

    /** Removes one leading label, or returns {@code t} itself. */
    private static String stripLabel(String t) {
        String marker = t.startsWith("**") ? "**" : t.startsWith("__") ? "__" : null;
        int p = marker == null ? 0 : 2;
        for (String label : LABELS) {
            if (!t.regionMatches(true, p, label, 0, label.length())) {
                continue;
            }
            int q = skipSpaces(t, p + label.length());
            boolean open = marker != null;
            if (open && t.startsWith(marker, q)) {
                open = false;
                q = skipSpaces(t, q + 2);
            }
            if (q >= t.length() || t.charAt(q) != ':' && t.charAt(q) != '：') {
                continue;
            }
            q++;
            String rest;
            if (open) {
                int r = skipSpaces(t, q);
                if (t.startsWith(marker, r)) {
                    rest = t.substring(r + 2);
                } else if (t.endsWith(marker) && t.length() - 2 >= q) {
                    rest = t.substring(q, t.length() - 2);
                } else {
                    rest = t.substring(q);
                }
            } else {
                rest = t.substring(q);
            }
            return rest;
        }
        return t;
    }

    /** Removes one pair of wrapping quotes or emphasis, or returns {@code t} itself. */
    private static String unwrap(String t) {
        for (String[] w : WRAPPERS) {
            int a = w[0].length();
            int b = w[1].length();
            if (t.length() > a + b && t.startsWith(w[0]) && t.endsWith(w[1])) {
                return t.substring(a, t.length() - b);
            }
        }
        return t;
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
