package dev.tailgap.datasets.text;

/**
 * The Unicode step of {@link Normalizer#fold}: NFKD, diacritics removed, NFC, for whole strings and, for the tabled
 * blocks (Latin, Greek, Cyrillic, general punctuation, full-width ASCII), one character at a time from lazily filled
 * tables, which is what lets {@link Normalizer#fold} take a single pass over such text.
 */
final class Decomposition {
    private Decomposition() {
    }

    /** The Unicode step of {@link Normalizer#fold}: NFKD, diacritics removed, NFC. */
    static String decompose(String s) {
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
        t = stripDiacritics(t);
        return java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }

    /**
     * {@link #decompose} one character at a time from a table, or {@code null} when {@code s} has a character outside
     * the tabled blocks (Latin, Greek, Cyrillic, general punctuation, full-width ASCII) or one whose decomposition
     * keeps a combining mark. For such input the two agree: every tabled character decomposes into starters and
     * removable marks only, and no two tabled characters compose with each other (checked over all pairs by a test),
     * so decomposing character by character gives the same text as decomposing the whole.
     */
    static String decomposeByTable(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.append(c);
                continue;
            }
            String d = tabled(c);
            if (d == null) {
                return null;
            }
            b.append(d);
        }
        return b.toString();
    }

    /** Tabled blocks, as [from, to) pairs. */
    static final char[][] TABLED = {{0x0080, 0x0300}, {0x0370, 0x0530}, {0x1E00, 0x1F00}, {0x2000, 0x2070},
        {0xFF01, 0xFF5F}};
    private static final String NOT_TABLED = new String("not tabled");
    private static final String[][] TABLES = new String[TABLED.length][];

    static {
        for (int i = 0; i < TABLED.length; i++) {
            TABLES[i] = new String[TABLED[i][1] - TABLED[i][0]];
        }
    }

    /** The decomposition of {@code c} from the table (filled on first use; races only recompute), or {@code null}. */
    private static String tabled(char c) {
        for (int i = 0; i < TABLED.length; i++) {
            if (c >= TABLED[i][0] && c < TABLED[i][1]) {
                String[] table = TABLES[i];
                String d = table[c - TABLED[i][0]];
                if (d == null) {
                    d = tableEntry(c);
                    table[c - TABLED[i][0]] = d;
                }
                return d == NOT_TABLED ? null : d;
            }
        }
        return null;
    }

    private static final char[] NOT_FOLDED = new char[0];
    private static final char[][][] FOLDED = new char[TABLED.length][][];

    static {
        for (int i = 0; i < TABLED.length; i++) {
            FOLDED[i] = new char[TABLED[i][1] - TABLED[i][0]][];
        }
    }

    /**
     * What {@link Normalizer#fold} makes of the tabled character {@code c} on its own, before words are joined: its
     * decomposition from the table, each character lower-cased as {@link Normalizer#appendFolded} does or 0 where it is
     * a word
     * separator; {@code null} when {@code c} is not tabled. Folding text character by character from this table
     * gives the same result as the general path, because tabled characters never compose with each other.
     */
    static char[] folded(char c) {
        for (int i = 0; i < TABLED.length; i++) {
            if (c >= TABLED[i][0] && c < TABLED[i][1]) {
                char[][] table = FOLDED[i];
                char[] f = table[c - TABLED[i][0]];
                if (f == null) {
                    f = foldedEntry(c);
                    table[c - TABLED[i][0]] = f;
                }
                return f == NOT_FOLDED ? null : f;
            }
        }
        return null;
    }

    private static char[] foldedEntry(char c) {
        String d = tabled(c);
        if (d == null) {
            return NOT_FOLDED;
        }
        StringBuilder b = new StringBuilder(d.length() + 2);
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (Normalizer.isWordChar(cp)) {
                int before = b.length();
                Normalizer.appendFolded(b, cp, true);
                for (int k = before; k < b.length(); k++) {
                    if (b.charAt(k) == 0 || Character.isSurrogate(b.charAt(k))) {
                        return NOT_FOLDED;
                    }
                }
            } else {
                b.append((char) 0);
            }
        }
        char[] out = new char[b.length()];
        b.getChars(0, out.length, out, 0);
        return out;
    }

    private static String tableEntry(char c) {
        String t = stripDiacritics(java.text.Normalizer.normalize(String.valueOf(c),
                java.text.Normalizer.Form.NFKD));
        for (int i = 0; i < t.length(); i++) {
            char x = t.charAt(i);
            int type = Character.getType(x);
            if (Character.isSurrogate(x) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                return NOT_TABLED;
            }
        }
        return java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }

    private static String stripDiacritics(String t) {
        StringBuilder b = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isDiacritic(c)) {
                if (b == null) {
                    b = new StringBuilder(t.length());
                    b.append(t, 0, i);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? t : b.toString();
    }

    /** Combining diacritics removed by {@link Normalizer#fold}; all are in the BMP. */
    static boolean isDiacritic(char c) {
        if (c < 0x0300) {
            return false;
        }
        if (c <= 0x036F) {
            return true;
        }
        if (c >= 0x0591 && c <= 0x05C7 || c >= 0x064B && c <= 0x065F || c == 0x0670) {
            return Character.getType(c) == Character.NON_SPACING_MARK;
        }
        return c >= 0x1AB0 && c <= 0x1AFF || c >= 0x1DC0 && c <= 0x1DFF || c >= 0x20D0 && c <= 0x20FF
                || c >= 0xFE20 && c <= 0xFE2F;
    }
}
