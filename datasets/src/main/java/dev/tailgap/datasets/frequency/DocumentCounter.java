package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Normalizer;
import java.util.Arrays;

/**
 * Counts one document at a time into a {@link CorpusCounts}: folds it ({@link Normalizer#foldInto}), splits it
 * into words ({@link Tokens}), or does both straight from its UTF-8 bytes ({@link Utf8Words}), runs the
 * {@link WordAutomaton} and then, per key,
 * <ul>
 *   <li><b>mentions</b>: the greatest number of non-overlapping occurrences of the key's names (so "New York City"
 *       is one mention of a concept named both "New York" and "New York City", and "New York New York" two),
 *       each within the relation window when one is set;</li>
 *   <li><b>docs</b>: 1 if the document has a mention;</li>
 *   <li><b>cooccurrence</b> (per target): 1 if the document has a mention and one of the target's answers anywhere
 *       (answers overlapping a mention count too).</li>
 * </ul>
 * Keys are independent: a concept's count never depends on which other concepts the dataset holds. Not thread-safe;
 * one per thread.
 */
public final class DocumentCounter {
    private final ConceptMatcher m;
    private final Vocabulary vocabulary;
    private final WordAutomaton automaton;
    private final int relationWindow;
    private final Normalizer.Buffer folded = new Normalizer.Buffer();
    private int[] tokenWords = new int[1 << 10];
    private int tokenCount;
    private int state;
    private int[] matchPattern = new int[64];
    private int[] matchStart = new int[64];
    private int[] matchEnd = new int[64];
    private int matchCount;
    private final int[] keyStamp;
    private final int[] keyLastEnd;
    private final int[] answerStamp;
    private int[] touched = new int[64];
    private int touchedCount;
    private int stamp;
    private final Tokens.Sink sink = this::word;
    private final Utf8Words utf8 = new Utf8Words();
    private final Utf8Words.Sink utf8Sink = this::foldedWord;

    DocumentCounter(ConceptMatcher matcher) {
        this.m = matcher;
        this.vocabulary = matcher.vocabulary;
        this.automaton = matcher.automaton;
        this.relationWindow = matcher.options.relationWindow();
        this.keyStamp = new int[matcher.keyCount()];
        this.keyLastEnd = new int[matcher.keyCount()];
        this.answerStamp = new int[matcher.answerSets];
    }

    /** Counts {@code document} (one document) into {@code into}, which must come from the same matcher. */
    public void count(String document, CorpusCounts into) {
        into.documents++;
        int n = Normalizer.foldInto(document, folded);
        if (n == 0) {
            return;
        }
        begin();
        Tokens.split(folded.chars(), n, sink);
        if (matchCount > 0) {
            tally(into);
        }
    }

    /**
     * Counts the UTF-8 document {@code b[from, to)} exactly as {@link #count(String, CorpusCounts)} counts its
     * decoded text, without decoding it; returns false, having counted nothing, when the text must be decoded and
     * counted as a string instead (malformed UTF-8 among others: see {@link Utf8Words}).
     */
    public boolean count(byte[] b, int from, int to, CorpusCounts into) {
        begin();
        if (!utf8.split(b, from, to, utf8Sink)) {
            return false;
        }
        into.documents++;
        if (matchCount > 0) {
            tally(into);
        }
        return true;
    }

    private void begin() {
        tokenCount = 0;
        matchCount = 0;
        state = 0;
    }

    private void word(char[] b, int from, int to) {
        step(vocabulary.find(b, from, to));
    }

    private void foldedWord(int len, int hash) {
        Vocabulary v = vocabulary;
        step(v.mayHold(len, hash) ? utf8.find(v, len, hash) : -1);
    }

    private void step(int w) {
        int index = tokenCount++;
        if (relationWindow > 0) {
            if (index == tokenWords.length) {
                tokenWords = Arrays.copyOf(tokenWords, index * 2);
            }
            tokenWords[index] = w;
        }
        if (w < 0) {
            state = 0; // the root: it ends no pattern
            return;
        }
        state = automaton.step(state, w);
        for (int o = automaton.firstOutput(state); o >= 0; o = automaton.nextOutput(o)) {
            if (matchCount == matchPattern.length) {
                int cap = matchCount * 2;
                matchPattern = Arrays.copyOf(matchPattern, cap);
                matchStart = Arrays.copyOf(matchStart, cap);
                matchEnd = Arrays.copyOf(matchEnd, cap);
            }
            matchPattern[matchCount] = automaton.patternAt(o);
            matchStart[matchCount] = index - automaton.lengthAt(o) + 1;
            matchEnd[matchCount] = index;
            matchCount++;
        }
    }

    /** Matches arrive in order of their last word, which makes the greedy choice per key the largest one. */
    private void tally(CorpusCounts into) {
        nextStamp();
        touchedCount = 0;
        for (int i = 0; i < matchCount; i++) {
            int p = matchPattern[i];
            for (int set : m.patternAnswerSets[p]) {
                answerStamp[set] = stamp;
            }
            for (int key : m.patternKeys[p]) {
                boolean seen = keyStamp[key] == stamp;
                if (seen && matchStart[i] <= keyLastEnd[key]) {
                    continue;
                }
                if (relationWindow > 0 && !relationNear(key, matchStart[i], matchEnd[i])) {
                    continue;
                }
                into.mentions[key]++;
                keyLastEnd[key] = matchEnd[i];
                if (!seen) {
                    keyStamp[key] = stamp;
                    into.docs[key]++;
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = key;
                }
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            for (int t : m.keyTargets[touched[i]]) {
                int set = m.targetAnswerSet[t];
                if (set >= 0 && answerStamp[set] == stamp) {
                    into.cooccurrence[t]++;
                }
            }
        }
    }

    private boolean relationNear(int key, int start, int end) {
        int[] words = m.keyRelationWords[key];
        if (words.length == 0) {
            return false;
        }
        int w = relationWindow;
        int from = Math.max(0, start - w);
        int to = Math.min(tokenCount - 1, end + w);
        for (int j = from; j <= to; j++) {
            if (j >= start && j <= end) {
                continue;
            }
            if (Arrays.binarySearch(words, tokenWords[j]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void nextStamp() {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(keyStamp, 0);
            Arrays.fill(answerStamp, 0);
            stamp = 0;
        }
        stamp++;
    }
}
