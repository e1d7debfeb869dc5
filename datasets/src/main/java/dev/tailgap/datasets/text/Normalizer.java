package dev.tailgap.datasets.text;

/**
 * Text normalisation shared by every matcher and the abstention detector. Pure functions, thread-safe, never
 * {@code null} in, never {@code null} out ({@code null} is treated as the empty string).
 *
 * <p>{@link #normalize(String)} applies, in order:
 * <ol>
 *   <li>Unicode NFKC (full-width letters become ASCII, ligatures such as "ﬁ" split, superscripts become digits);</li>
 *   <li>case folding per code point: {@link Character#toLowerCase(int)} (the locale-independent simple mapping,
 *       so "I" becomes "i" in every default locale and "İ" becomes "i"), plus the full folds "ß"/"ẞ" → "ss" and
 *       final sigma "ς" → "σ";</li>
 *   <li>every code point that is not a letter, a digit or a combining mark becomes a word separator (punctuation,
 *       symbols, emoji, control and format characters, all whitespace); letters and digits of every script are kept;</li>
 *   <li>the English articles "the" and "an" are dropped when they are a whole word, and so is "a" unless the word
 *       before or after it is a single character, so initials survive: "a novel" becomes "novel" but "U.S.A." stays
 *       "u s a" and "J. A. Smith" "j a smith"; if dropping would leave nothing, every article is kept ("The The"
 *       stays "the the", "A" stays "a");</li>
 *   <li>words are joined by a single ASCII space, with none leading or trailing.</li>
 * </ol>
 * Diacritics are kept: {@code normalize("Côte d'Ivoire")} is {@code "côte d ivoire"}.
 *
 * <p>{@link #fold(String)} is what the matchers compare. It does everything {@code normalize} does and also
 * <ul>
 *   <li>removes diacritics: the text is decomposed (NFKD) and the combining diacritical marks are dropped
 *       (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F, Hebrew points and cantillation
 *       U+0591–U+05C7, Arabic harakat U+064B–U+065F and U+0670), then recomposed (NFC). So "Côte d'Ivoire" folds to
 *       "cote d ivoire", "São Paulo" to "sao paulo", "İstanbul" to "istanbul". Marks that spell the word in Indic
 *       and Southeast Asian scripts (vowel signs, viramas) and Japanese voicing marks are kept, because dropping them
 *       turns one word into another ("भारत" into "भरत");</li>
 *   <li>maps decimal digits of any script to ASCII digits ("١٩٨٤" folds to "1984").</li>
 * </ul>
 *
 * <p>Consequences callers rely on (each sealed by a test): "U.S.A." folds to "u s a" (not "usa"), "O'Brien" to
 * "o brien", "don't" to "don t", "C++" to "c", "Vitamin A" to "vitamin"; an input with no letter or digit (such as
 * "?" or an emoji) folds to "".
 *
 * <p>No regular expressions. Pure-ASCII input takes a fast path: one pass over the characters with no Unicode
 * normalisation (plus a second pass over the short result only when it contains an article); the result is
 * identical to the general path. {@link #fold} of text whose non-ASCII characters are all Latin, Greek, Cyrillic,
 * general punctuation or full-width ASCII (and carry no separate combining mark) takes the same single pass, each
 * non-ASCII character folded from a table, instead of normalising the whole string, with the same result (this is
 * what lets the corpus counter fold hundreds of megabytes a second). Input that is already folded is returned as the
 * same instance.
 */
public final class Normalizer {

    private Normalizer() {
    }

    /** NFKC, case fold, punctuation to spaces, articles dropped, whitespace collapsed; diacritics kept. */
    public static String normalize(String s) {
        return run(s, false);
    }

    /** {@link #normalize(String)} plus diacritic removal and ASCII digits: the form every matcher compares. */
    public static String fold(String s) {
        return run(s, true);
    }

    /** A reusable output buffer for {@link #foldInto}; not thread-safe. */
    public static final class Buffer {
        char[] chars;
        private char[] in = new char[0];
        private int len;
        private int wordStart;
        private int prevLen;
        private int pendingA;
        private int pendingPrevLen;
        private boolean dropped;

        public Buffer() {
            this(256);
        }

        Buffer(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        /** The characters written by the last {@link #foldInto}; valid up to the length it returned. */
        public char[] chars() {
            return chars;
        }

        private void start(int n) {
            if (chars.length < n + 2) {
                chars = new char[n + 2];
            }
            len = 0;
            wordStart = -1;
            prevLen = 0;
            pendingA = -1;
            dropped = false;
        }

        private void ensure(int extra) {
            if (len + extra > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, len + extra));
            }
        }

        private void append(char x) {
            if (wordStart < 0) {
                if (len > 0) {
                    chars[len++] = ' ';
                }
                wordStart = len;
            }
            chars[len++] = x;
        }

        /**
         * Ends the word {@code [wordStart, len)} and applies the article rule of {@link #dropArticles} as it goes:
         * "the" and "an" go at once, an "a" waits for the next word's length. Words keep their original lengths as
         * the neighbours' lengths, as in {@link #dropArticles}.
         */
        private void endWord() {
            int ws = wordStart;
            int wl = len - ws;
            wordStart = -1;
            if (pendingA >= 0) {
                if (pendingPrevLen != 1 && wl != 1) {
                    int from = pendingA > 0 ? pendingA - 1 : 0;
                    System.arraycopy(chars, from + 2, chars, from, len - from - 2);
                    len -= 2;
                    ws -= 2;
                    dropped = true;
                }
                pendingA = -1;
            }
            if (wl == 3 && chars[ws] == 't' && chars[ws + 1] == 'h' && chars[ws + 2] == 'e'
                    || wl == 2 && chars[ws] == 'a' && chars[ws + 1] == 'n') {
                len = ws > 0 ? ws - 1 : 0;
                dropped = true;
            } else if (wl == 1 && chars[ws] == 'a') {
                pendingA = ws;
                pendingPrevLen = prevLen;
            }
            prevLen = wl;
        }

        /** Ends the text; returns the length, or -1 when every word was an article (the general path keeps them). */
        private int finish() {
            if (wordStart >= 0) {
                endWord();
            }
            if (pendingA >= 0 && pendingPrevLen != 1) {
                len = pendingA > 0 ? pendingA - 1 : 0;
                dropped = true;
            }
            return len == 0 && dropped ? -1 : len;
        }
    }

    /** ASCII characters folded: lower-case letters and digits, 0 for a separator. */
    private static final char[] ASCII = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = c;
            ASCII[c - 'a' + 'A'] = c;
        }
    }

    /**
     * {@link #fold(String)} written into {@code into} instead of a new string (the same characters, words separated by
     * single spaces); returns their number. For folding many long texts, such as a corpus, without allocating.
     */
    public static int foldInto(String s, Buffer into) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        int len = fast(s, true, into);
        if (len >= 0) {
            return len;
        }
        String f = general(s, true);
        if (into.chars.length < f.length()) {
            into.chars = new char[f.length()];
        }
        f.getChars(0, f.length(), into.chars, 0);
        return f.length();
    }

    private static String run(String s, boolean fold) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        Buffer b = new Buffer(s.length() + 2);
        int len = fast(s, fold, b);
        if (len < 0) {
            return general(s, fold);
        }
        return len == s.length() && unchanged(s, b.chars, len) ? s : new String(b.chars, 0, len);
    }

    /**
     * The single pass: ASCII, and (when folding) tabled characters from {@link #folded(char)}, into {@code buf}, the
     * articles dropped on the way; returns the length, or -1 when {@code s} needs the general path.
     */
    private static int fast(String s, boolean fold, Buffer buf) {
        int n = s.length();
        if (buf.in.length < n) {
            buf.in = new char[Math.max(n, buf.in.length * 2)];
        }
        char[] in = buf.in;
        s.getChars(0, n, in, 0);
        buf.start(n);
        char[] out = buf.chars;
        int len = 0;
        int ws = -1;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c < 0x80) {
                char x = ASCII[c];
                if (x != 0) {
                    if (ws < 0) {
                        if (len > 0) {
                            out[len++] = ' ';
                        }
                        ws = len;
                    }
                    out[len++] = x;
                } else if (ws >= 0) {
                    buf.len = len;
                    buf.wordStart = ws;
                    buf.endWord();
                    len = buf.len;
                    ws = -1;
                }
                continue;
            }
            char[] mapped = fold ? folded(c) : null;
            if (mapped == null) {
                return -1;
            }
            buf.len = len;
            buf.wordStart = ws;
            buf.ensure(mapped.length + (n - i) + 2);
            for (char x : mapped) {
                if (x != 0) {
                    buf.append(x);
                } else if (buf.wordStart >= 0) {
                    buf.endWord();
                }
            }
            out = buf.chars;
            len = buf.len;
            ws = buf.wordStart;
        }
        buf.len = len;
        buf.wordStart = ws;
        return buf.finish();
    }

    private static boolean unchanged(String s, char[] out, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != out[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isArticle(char[] b, int from, int to) {
        switch (to - from) {
            case 1:
                return b[from] == 'a';
            case 2:
                return b[from] == 'a' && b[from + 1] == 'n';
            case 3:
                return b[from] == 't' && b[from + 1] == 'h' && b[from + 2] == 'e';
            default:
                return false;
        }
    }

    /**
     * Second pass over {@code b[0, len)} (single-spaced lower-case words, at least one of them an article), in place:
     * drops "the", "an", and "a" unless a neighbouring word is a single character; keeps everything if nothing would
     * be left. Returns the new length. In place is safe: kept words only move left, and the next word is read before
     * anything is written over it.
     */
    private static int dropArticles(char[] b, int len) {
        int outLen = 0;
        int prevLen = 0;
        int i = 0;
        while (i < len) {
            int j = i;
            while (j < len && b[j] != ' ') {
                j++;
            }
            int wl = j - i;
            boolean drop = false;
            if (isArticle(b, i, j)) {
                if (wl == 1) {
                    int k = j + 1;
                    while (k < len && b[k] != ' ') {
                        k++;
                    }
                    int nextLen = j < len ? k - j - 1 : 0;
                    drop = prevLen != 1 && nextLen != 1;
                } else {
                    drop = true;
                }
            }
            if (!drop) {
                if (outLen > 0) {
                    b[outLen++] = ' ';
                }
                System.arraycopy(b, i, b, outLen, wl);
                outLen += wl;
            }
            prevLen = wl;
            i = j + 1;
        }
        return outLen == 0 ? len : outLen;
    }

    /** {@link #fold} by the general path only (what the table path must equal). */
    static String foldGeneral(String s) {
        return s == null || s.isEmpty() ? "" : general(s, true);
    }

    /** The general path for input with at least one non-ASCII character. */
    private static String general(String s, boolean fold) {
        String t;
        if (fold) {
            t = decomposeByTable(s);
            if (t == null) {
                t = decompose(s);
            }
        } else {
            t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
        }
        StringBuilder out = new StringBuilder(t.length() + 4);
        int wordStart = -1;
        boolean article = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                if (wordStart < 0) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    wordStart = out.length();
                }
                appendFolded(out, cp, fold);
            } else if (wordStart >= 0) {
                article |= isArticle(out, wordStart, out.length());
                wordStart = -1;
            }
        }
        if (wordStart >= 0) {
            article |= isArticle(out, wordStart, out.length());
        }
        if (article) {
            char[] b = new char[out.length()];
            out.getChars(0, b.length, b, 0);
            return new String(b, 0, dropArticles(b, b.length));
        }
        return out.toString();
    }

    private static boolean isArticle(StringBuilder b, int from, int to) {
        switch (to - from) {
            case 1:
                return b.charAt(from) == 'a';
            case 2:
                return b.charAt(from) == 'a' && b.charAt(from + 1) == 'n';
            case 3:
                return b.charAt(from) == 't' && b.charAt(from + 1) == 'h' && b.charAt(from + 2) == 'e';
            default:
                return false;
        }
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static void appendFolded(StringBuilder out, int cp, boolean fold) {
        switch (cp) {
            case 0x00DF: // ß
            case 0x1E9E: // ẞ
                out.append("ss");
                return;
            case 0x03C2: // final sigma
                out.append('σ');
                return;
            default:
                break;
        }
        int lc = Character.toLowerCase(cp);
        if (lc == 0x03C2) {
            lc = 0x03C3;
        }
        if (fold && lc >= 0x80 && Character.isDigit(lc)) {
            int d = Character.digit(lc, 10);
            if (d >= 0) {
                out.append((char) ('0' + d));
                return;
            }
        }
        out.appendCodePoint(lc);
    }

    /** The Unicode step of {@link #fold}: NFKD, diacritics removed, NFC. */
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
     * What {@link #fold} makes of the tabled character {@code c} on its own, before words are joined: its
     * decomposition from the table, each character lower-cased as {@link #appendFolded} does or 0 where it is a word
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

    /**
     * What the single pass of {@link #foldInto} makes of the BMP character {@code c} on its own, before words are
     * joined and articles dropped: its folded characters, 0 for a word separator (a new array the caller may keep);
     * {@code null} when text containing {@code c} takes the general path. Folding text character by character with
     * this, then joining words and dropping articles as {@link #fold} describes, gives exactly {@link #fold}'s result
     * for text without a {@code null} character. For folding bytes without decoding them to a string first.
     */
    public static char[] foldedChar(char c) {
        if (c < 0x80) {
            return new char[] {ASCII[c]};
        }
        char[] f = folded(c);
        return f == null ? null : f.clone();
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
            if (isWordChar(cp)) {
                int before = b.length();
                appendFolded(b, cp, true);
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

    /** Combining diacritics removed by {@link #fold}; all are in the BMP. */
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
