package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Normalizer;

/**
 * Splits UTF-8 bytes into the words {@link Tokens} finds in their folded text ({@link Normalizer#fold(String)} of the
 * decoded string), without decoding them to a string: each character is folded from {@link Normalizer#foldedChar},
 * words are cut at separators and the articles are dropped on the way as {@code fold} drops them (an "a" waits for
 * the next word's length; a text of articles only keeps them all).
 *
 * <p>Text this cannot fold exactly is refused and must take the string path: malformed UTF-8 (the decoder then
 * reports it), a supplementary character, a character the single pass does not table, or one that folds to a
 * character of a script {@link Tokens} splits without spaces. Not thread-safe; one per counter.
 */
final class Utf8Words {

    /**
     * Receives a folded word: its length and its polynomial hash ({@link Vocabulary#mayHold}); {@link #chars()}
     * gives its characters when they are needed (most words are turned away by their hash).
     */
    interface Sink {
        void word(int len, int hash);
    }

    /** Per BMP character: 0 refused, 1 folds to {@link #ONE} (0 there: a separator), 2 folds to {@link #MANY}. */
    private static final byte[] KIND = new byte[0x10000];
    private static final char[] ONE = new char[0x10000];
    private static final char[][] MANY = new char[0x10000][];
    private static final char[] A = {'a'};
    /** {@link #ONE} for ASCII. */
    private static final char[] ASCII = new char[128];

    static {
        for (int c = 0; c < 0x10000; c++) {
            char[] f = Character.isSurrogate((char) c) ? null : Normalizer.foldedChar((char) c);
            if (f == null || !splitBySpaces(f)) {
                continue;
            }
            if (f.length == 1) {
                KIND[c] = 1;
                ONE[c] = f[0];
                if (c < 0x80) {
                    ASCII[c] = f[0];
                }
            } else {
                KIND[c] = 2;
                MANY[c] = f;
            }
        }
    }

    private static boolean splitBySpaces(char[] folded) {
        for (char x : folded) {
            if (x >= 0x0E00) {
                return false;
            }
        }
        return true;
    }

    private static final int HASH_A = 'a';
    private static final int HASH_AN = 31 * 'a' + 'n';
    private static final int HASH_THE = 31 * (31 * 't' + 'h') + 'e';

    private char[] w = new char[64];
    private byte[] text;
    /** The word being handed over: its length, the byte where its first character starts, its index there. */
    private int wordLen;
    private int wordStart;
    private int wordSkip;
    /** The word being handed over is {@link #wordLen} ASCII bytes from {@link #wordStart}. */
    private boolean wordAscii;
    private boolean filled;
    /** The scan's word so far: its length and hash, and whether its start is recorded (it has a non-ASCII char). */
    private int scanLen;
    private int scanHash;
    private boolean located;
    private boolean handingA;
    private boolean articles;
    private int prevLen;
    private boolean pendingA;
    private int pendingPrevLen;
    private boolean emitted;
    private boolean dropped;

    /** Hands the words of {@code b[from, to)} to {@code sink} in order; false when the text is refused. */
    boolean split(byte[] b, int from, int to, Sink sink) {
        text = b;
        try {
            int r = run(b, from, to, sink, true);
            if (r == REPLAY) {
                r = run(b, from, to, sink, false);
            }
            return r != REFUSED;
        } finally {
            text = null;
        }
    }

    /** The folded characters of the word being handed to the sink, valid up to its length until the sink returns. */
    char[] chars() {
        if (handingA) {
            return A;
        }
        if (!filled) {
            fill();
            filled = true;
        }
        return w;
    }

    /**
     * The id in {@code v} of the word being handed to the sink (of length {@code len} and polynomial hash
     * {@code hash}), or -1; for a word {@link Vocabulary#mayHold} let through. An ASCII word is compared with its
     * bytes, not folded again.
     */
    int find(Vocabulary v, int len, int hash) {
        if (wordAscii && !handingA) {
            return v.findPassedAscii(text, wordStart, len, hash, ASCII);
        }
        return v.findPassed(chars(), len, hash);
    }

    private static final int DONE = 0;
    private static final int REFUSED = 1;
    /** Every word was an article and dropped: fold keeps them all. */
    private static final int REPLAY = 2;

    /**
     * The scan: hashes words without storing their characters. A word of ASCII characters only starts its length
     * before where it ends; a word with another character records its start when it meets the first such one.
     */
    private int run(byte[] b, int from, int to, Sink sink, boolean dropArticles) {
        articles = dropArticles;
        prevLen = 0;
        pendingA = false;
        emitted = false;
        dropped = false;
        scanLen = 0;
        scanHash = 0;
        located = false;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c < 0) {
                i = foreign(b, i, to, sink);
                if (i < 0) {
                    return REFUSED;
                }
                continue;
            }
            char x = ASCII[c];
            if (x != 0) {
                int s = i;
                int h = scanHash;
                do {
                    h = 31 * h + x;
                    i++;
                } while (i < to && (c = b[i]) >= 0 && (x = ASCII[c]) != 0);
                scanHash = h;
                scanLen += i - s;
                continue;
            }
            if (scanLen > 0) {
                endScanned(sink, i);
            }
            i++;
        }
        if (scanLen > 0) {
            endScanned(sink, to);
        }
        if (pendingA) {
            if (pendingPrevLen != 1) {
                dropped = true;
            } else {
                emitA(sink);
            }
        }
        return !emitted && dropped ? REPLAY : DONE;
    }

    /** Ends the scanned word at byte {@code end} (where its last character ends). */
    private void endScanned(Sink sink, int end) {
        int len = scanLen;
        if (!located) {
            wordStart = end - len;
            wordSkip = 0;
        }
        wordAscii = !located;
        scanLen = 0;
        int h = scanHash;
        scanHash = 0;
        located = false;
        endWord(sink, len, h);
    }

    /** Scans the non-ASCII character at {@code b[i]}; returns where the next one starts, or -1 to refuse the text. */
    private int foreign(byte[] b, int i, int to, Sink sink) {
        int at = i;
        int ch;
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < to) {
            int b1 = b[i + 1];
            if ((b1 & 0xC0) != 0x80) {
                return -1;
            }
            ch = (c & 0x1F) << 6 | b1 & 0x3F;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < to) {
            int b1 = b[i + 1];
            int b2 = b[i + 2];
            if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
                return -1;
            }
            ch = (c & 0x0F) << 12 | (b1 & 0x3F) << 6 | b2 & 0x3F;
            if (ch < 0x800 || Character.isSurrogate((char) ch)) {
                return -1;
            }
            i += 3;
        } else {
            return -1;
        }
        byte kind = KIND[ch];
        if (kind == 0) {
            return -1;
        }
        char[] many = kind == 1 ? null : MANY[ch];
        int n = many == null ? 1 : many.length;
        for (int k = 0; k < n; k++) {
            char x = many == null ? ONE[ch] : many[k];
            if (x != 0) {
                if (!located) {
                    int wl = scanLen;
                    wordStart = wl == 0 ? at : at - wl;
                    wordSkip = wl == 0 ? k : 0;
                    located = true;
                }
                scanLen++;
                scanHash = 31 * scanHash + x;
            } else if (scanLen > 0) {
                endScanned(sink, at);
            }
        }
        return i;
    }

    /** Folds the word at {@link #wordStart} again, into {@link #w}: the text was checked by the scan. */
    private void fill() {
        if (w.length < wordLen) {
            w = new char[Math.max(wordLen, w.length * 2)];
        }
        byte[] b = text;
        int i = wordStart;
        int skip = wordSkip;
        int n = 0;
        while (n < wordLen) {
            int c = b[i];
            int ch;
            if (c >= 0) {
                ch = c;
                i++;
            } else if ((c & 0xE0) == 0xC0) {
                ch = (c & 0x1F) << 6 | b[i + 1] & 0x3F;
                i += 2;
            } else {
                ch = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
                i += 3;
            }
            if (KIND[ch] == 1) {
                w[n++] = ONE[ch];
            } else {
                char[] many = MANY[ch];
                for (int k = skip; k < many.length && n < wordLen; k++) {
                    w[n++] = many[k];
                }
            }
            skip = 0;
        }
    }

    private void endWord(Sink sink, int len, int hash) {
        wordLen = len;
        filled = false;
        if (articles) {
            int before = prevLen;
            prevLen = len;
            if (pendingA) {
                pendingA = false;
                if (pendingPrevLen != 1 && len != 1) {
                    dropped = true;
                } else {
                    emitA(sink);
                }
            }
            if (len <= 3 && (hash == HASH_THE || hash == HASH_AN || hash == HASH_A)) {
                char[] t = chars();
                if (len == 3 && t[0] == 't' && t[1] == 'h' && t[2] == 'e'
                        || len == 2 && t[0] == 'a' && t[1] == 'n') {
                    dropped = true;
                    return;
                }
                if (len == 1 && t[0] == 'a') {
                    pendingA = true;
                    pendingPrevLen = before;
                    return;
                }
            }
        }
        emitted = true;
        sink.word(len, hash);
    }

    private void emitA(Sink sink) {
        emitted = true;
        handingA = true;
        try {
            sink.word(1, HASH_A);
        } finally {
            handingA = false;
        }
    }
}
