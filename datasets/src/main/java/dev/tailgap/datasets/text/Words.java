package dev.tailgap.datasets.text;

/**
 * Whole-word containment on folded text (see {@link Normalizer#fold(String)}), where words are separated by single
 * spaces. A match must start at the beginning of the text or after a space and end at the end of the text or before
 * a space. Scripts written without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar,
 * Tibetan) have no such boundaries, so a boundary also holds when the character inside or outside the match edge
 * belongs to one of them: "東京" is found in "東京です", "1984" in "1984年".
 */
public final class Words {

    private Words() {
    }

    /** True if {@code needle} (non-empty) occurs in {@code hay} on word boundaries; an empty needle never does. */
    public static boolean containsWord(String hay, String needle) {
        int m = needle.length();
        if (m == 0 || m > hay.length()) {
            return false;
        }
        int from = 0;
        int i;
        while ((i = hay.indexOf(needle, from)) >= 0) {
            int end = i + m;
            if (boundaryBefore(hay, i, needle) && boundaryAfter(hay, end, needle)) {
                return true;
            }
            from = i + 1;
        }
        return false;
    }

    private static boolean boundaryBefore(String hay, int i, String needle) {
        if (i == 0) {
            return true;
        }
        char outside = hay.charAt(i - 1);
        if (outside == ' ') {
            return true;
        }
        char inside = needle.charAt(0);
        if (outside < 0x0E00 && inside < 0x0E00) {
            return false;
        }
        return unspaced(hay.codePointBefore(i)) || unspaced(needle.codePointAt(0));
    }

    private static boolean boundaryAfter(String hay, int end, String needle) {
        if (end == hay.length()) {
            return true;
        }
        char outside = hay.charAt(end);
        if (outside == ' ') {
            return true;
        }
        char inside = needle.charAt(needle.length() - 1);
        if (outside < 0x0E00 && inside < 0x0E00) {
            return false;
        }
        return unspaced(hay.codePointAt(end)) || unspaced(needle.codePointBefore(needle.length()));
    }

    /** True for code points of scripts that do not separate words with spaces. */
    public static boolean unspaced(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        switch (Character.UnicodeScript.of(cp)) {
            case HAN:
            case HIRAGANA:
            case KATAKANA:
            case BOPOMOFO:
            case THAI:
            case LAO:
            case KHMER:
            case MYANMAR:
            case TIBETAN:
                return true;
            default:
                return false;
        }
    }
}
