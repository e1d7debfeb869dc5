package dev.tailgap.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for a mistyped word: the known words within a small edit distance of it (optimal string alignment:
 * insertions, deletions, substitutions and swaps of neighbours, case ignored), nearest first. A word of up to four
 * letters may be one edit off, a longer one two.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The known words close to {@code typed}, nearest first (then in the order given); empty when none is. */
    public static List<String> near(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = t.length() <= 4 ? 1 : 2;
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= limit; d++) {
            for (String k : known) {
                if (distance(t, k.toLowerCase(Locale.ROOT)) == d) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** {@code "; did you mean 'x'?"} for the nearest known word, or {@code ""} when none is near. */
    public static String hint(String typed, Collection<String> known) {
        List<String> near = near(typed, known);
        return near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
