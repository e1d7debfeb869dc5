package dev.tailgap.datasets.text;

/** The article rule of {@link Normalizer}: which words are articles, and the pass that drops them. */
final class Articles {
    private Articles() {
    }

    static boolean isArticle(char[] b, int from, int to) {
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
    static int drop(char[] b, int len) {
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

    static boolean isArticle(StringBuilder b, int from, int to) {
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
}
