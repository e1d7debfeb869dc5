package dev.tailgap.datasets.frequency;

import java.util.Arrays;

/**
 * Aho-Corasick over words: patterns are sequences of word ids ({@link Vocabulary}), the text is fed one word id at a
 * time (-1 for a word no pattern contains) and every pattern ending at the current word is reported, so matches are
 * whole words by construction. Transitions out of the root are an array indexed by word id, the others one
 * open-addressing table keyed by (state, word). Immutable once built; {@link #step} and {@link #firstOutput} are
 * thread-safe.
 */
final class WordAutomaton {
    private final int[] rootNext;
    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int[] fail;
    /** The pattern ending at a state, or -1. */
    private final int[] pattern;
    /** The nearest state on the failure chain (excluding itself) with a pattern, or -1. */
    private final int[] outputLink;
    /** The number of words of a state's pattern. */
    private final int[] depth;

    private WordAutomaton(int[] rootNext, long[] keys, int[] values, int[] fail, int[] pattern, int[] outputLink,
                          int[] depth) {
        this.rootNext = rootNext;
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.fail = fail;
        this.pattern = pattern;
        this.outputLink = outputLink;
        this.depth = depth;
    }

    /** The state after reading {@code word} (a word id, or -1) in {@code state}. */
    int step(int state, int word) {
        if (word < 0) {
            return 0;
        }
        int s = state;
        while (s != 0) {
            int t = get(s, word);
            if (t >= 0) {
                return t;
            }
            s = fail[s];
        }
        return rootNext[word];
    }

    /** The first state at or behind {@code state} on its output chain that ends a pattern, or -1. */
    int firstOutput(int state) {
        return pattern[state] >= 0 ? state : outputLink[state];
    }

    /** The next output state after {@code outputState}, or -1. */
    int nextOutput(int outputState) {
        return outputLink[outputState];
    }

    int patternAt(int outputState) {
        return pattern[outputState];
    }

    int lengthAt(int outputState) {
        return depth[outputState];
    }

    private int get(int state, int word) {
        long key = key(state, word);
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private static long key(int state, int word) {
        return ((long) state << 32) | (word & 0xffffffffL);
    }

    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    /** Builds the automaton; pattern ids are the indexes of {@link #add} calls. */
    static final class Builder {
        private final int vocabularySize;
        private int states = 1;
        private int[] firstChild = new int[16];
        private int[] nextSibling = new int[16];
        private int[] word = new int[16];
        private int[] pattern = new int[16];
        private int[] depth = new int[16];
        private int patterns;
        /** (state, word) + 1 to child, by open addressing; 0 marks an empty slot. */
        private long[] childKeys = new long[1024];
        private int[] childValues = new int[1024];
        private int childCount;

        Builder(int vocabularySize) {
            this.vocabularySize = vocabularySize;
            firstChild[0] = -1;
            pattern[0] = -1;
        }

        /** Adds a pattern (non-empty word ids); returns its id, or the id of an equal pattern added before. */
        int add(int[] words) {
            if (words.length == 0) {
                throw new IllegalArgumentException("empty pattern");
            }
            int s = 0;
            for (int w : words) {
                int c = child(s, w);
                if (c < 0) {
                    c = newState(s, w);
                }
                s = c;
            }
            if (pattern[s] < 0) {
                pattern[s] = patterns++;
            }
            return pattern[s];
        }

        private int child(int s, int w) {
            long k = key(s, w) + 1;
            int m = childKeys.length - 1;
            for (int slot = mix(k) & m; ; slot = (slot + 1) & m) {
                if (childKeys[slot] == k) {
                    return childValues[slot];
                }
                if (childKeys[slot] == 0) {
                    return -1;
                }
            }
        }

        private void putChild(long k, int c) {
            int m = childKeys.length - 1;
            int slot = mix(k) & m;
            while (childKeys[slot] != 0) {
                slot = (slot + 1) & m;
            }
            childKeys[slot] = k;
            childValues[slot] = c;
        }

        private int newState(int parent, int w) {
            if (states == firstChild.length) {
                int n = states * 2;
                firstChild = Arrays.copyOf(firstChild, n);
                nextSibling = Arrays.copyOf(nextSibling, n);
                word = Arrays.copyOf(word, n);
                pattern = Arrays.copyOf(pattern, n);
                depth = Arrays.copyOf(depth, n);
            }
            int c = states++;
            firstChild[c] = -1;
            word[c] = w;
            pattern[c] = -1;
            depth[c] = depth[parent] + 1;
            nextSibling[c] = firstChild[parent];
            firstChild[parent] = c;
            if (++childCount * 2 > childKeys.length) {
                long[] keys = childKeys;
                int[] values = childValues;
                childKeys = new long[keys.length * 2];
                childValues = new int[keys.length * 2];
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] != 0) {
                        putChild(keys[i], values[i]);
                    }
                }
            }
            putChild(key(parent, w) + 1, c);
            return c;
        }

        WordAutomaton build() {
            int[] rootNext = new int[vocabularySize];
            int capacity = Integer.highestOneBit(Math.max(4, states * 2)) * 2;
            long[] keys = new long[capacity];
            int[] values = new int[capacity];
            int[] fail = new int[states];
            int[] outputLink = new int[states];
            int[] queue = new int[states];
            int head = 0;
            int tail = 0;
            for (int c = firstChild[0]; c >= 0; c = nextSibling[c]) {
                rootNext[word[c]] = c;
                fail[c] = 0;
                outputLink[c] = -1;
                queue[tail++] = c;
            }
            outputLink[0] = -1;
            WordAutomaton partial = new WordAutomaton(rootNext, keys, values, fail, pattern, outputLink, depth);
            while (head < tail) {
                int s = queue[head++];
                for (int c = firstChild[s]; c >= 0; c = nextSibling[c]) {
                    put(keys, values, s, word[c], c);
                    int f = partial.step(fail[s], word[c]);
                    fail[c] = f;
                    outputLink[c] = pattern[f] >= 0 ? f : outputLink[f];
                    queue[tail++] = c;
                }
            }
            return new WordAutomaton(rootNext, keys, values, fail, Arrays.copyOf(pattern, states), outputLink,
                    Arrays.copyOf(depth, states));
        }

        private static void put(long[] keys, int[] values, int state, int w, int target) {
            long key = key(state, w);
            int m = keys.length - 1;
            int slot = mix(key) & m;
            while (keys[slot] != 0) {
                slot = (slot + 1) & m;
            }
            keys[slot] = key;
            values[slot] = target;
        }
    }
}
