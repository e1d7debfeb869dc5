package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Words;

/**
 * Splits folded text ({@link dev.tailgap.datasets.text.Normalizer#fold(String)}) into the words the matcher compares:
 * runs of characters between spaces, except that every character of a script written without spaces (Han, Kana,
 * Thai, ... see {@link Words#unspaced(int)}) is a word of its own. Two folded phrases then match on word boundaries
 * exactly where {@link Words#containsWord(String, String)} finds them, except that spaces between such characters
 * are ignored.
 */
final class Tokens {

    private Tokens() {
    }

    /** Calls {@code sink} with the {@code [from, to)} range of each word of {@code b[0, n)}, in order. */
    static void split(char[] b, int n, Sink sink) {
        int i = 0;
        while (i < n) {
            char c = b[i];
            if (c == ' ') {
                i++;
                continue;
            }
            if (c >= 0x0E00 && isUnspaced(b, i, n)) {
                int next = i + Character.charCount(Character.codePointAt(b, i, n));
                sink.word(b, i, next);
                i = next;
                continue;
            }
            int start = i;
            while (i < n && b[i] != ' ' && !(b[i] >= 0x0E00 && isUnspaced(b, i, n))) {
                i++;
            }
            sink.word(b, start, i);
        }
    }

    private static boolean isUnspaced(char[] b, int i, int n) {
        return Words.unspaced(Character.codePointAt(b, i, n));
    }

    /** Receives words. */
    interface Sink {
        void word(char[] b, int from, int to);
    }
}
