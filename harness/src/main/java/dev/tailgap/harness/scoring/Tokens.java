package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of an answer as written, for rules that need case or punctuation: {@link RefusalDetector} (titles such as
 * "Unknown Pleasures") and {@link AliasRule} (case-sensitive short aliases). A word is a maximal run of letters,
 * digits and combining marks; everything else separates words. Each word keeps its text, its folded form
 * ({@link Normalizer#fold(String)} of the word alone, so articles are kept), whether it starts with an upper-case
 * letter, and whether punctuation (sentence punctuation, brackets, quotes, a slash; not an apostrophe, a hyphen or "%")
 * stands between it and the previous word. Immutable.
 */
record Tokens(List<Word> words, boolean allCaps) {

    /** One word: its text as written, folded form, capitalisation, and punctuation before it. */
    record Word(String text, String folded, boolean capitalized, boolean punctuationBefore) {
    }

    static Tokens of(String text) {
        List<Word> words = new ArrayList<>();
        boolean lower = false;
        boolean upper = false;
        int n = text.length();
        int i = 0;
        int prevEnd = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && wordChar(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                lower |= Character.isLowerCase(c);
                upper |= Character.isUpperCase(c);
                i += Character.charCount(c);
            }
            String w = text.substring(start, i);
            String gap = text.substring(prevEnd, start);
            boolean punct = !words.isEmpty() && separates(gap);
            int first = w.codePointAt(0);
            words.add(new Word(w, Normalizer.fold(w), Character.isUpperCase(first) || Character.isTitleCase(first),
                    punct));
            prevEnd = i;
        }
        return new Tokens(List.copyOf(words), upper && !lower);
    }

    /** The folded words of a phrase, split the way {@link #of} splits answers. */
    static String[] folded(String phrase) {
        List<Word> ws = of(phrase).words();
        String[] out = new String[ws.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ws.get(i).folded();
        }
        return out;
    }

    int size() {
        return words.size();
    }

    Word get(int i) {
        return words.get(i);
    }

    /** The start of every occurrence of {@code phrase} (folded words) as consecutive words. */
    List<Integer> find(String[] phrase) {
        List<Integer> at = new ArrayList<>(1);
        outer:
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            for (int j = 0; j < phrase.length; j++) {
                if (!words.get(i + j).folded().equals(phrase[j])) {
                    continue outer;
                }
            }
            at.add(i);
        }
        return at;
    }

    /** True if the text between two words holds sentence punctuation, brackets or quotes (not "%", "'", "-"). */
    private static boolean separates(String gap) {
        for (int i = 0; i < gap.length(); i++) {
            if (".,;:!?()[]{}\"“”«»…|/".indexOf(gap.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }
}
