package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One automaton over every concept name and answer of a list of {@link CountTarget}s, compiled once and shared by
 * all counting threads (and by every Spark task).
 *
 * <p>Names and answers are folded with {@link Normalizer#fold(String)}, the scorer's folding. Targets whose concept
 * names fold to the same set (and, with a relation window, whose relations have the same words) share one
 * <em>key</em>: their mention and document counts are counted once. A target's co-occurrence answers are its folded
 * answers minus those that occur (as whole words) in its folded question and minus empty ones. Immutable and
 * thread-safe; {@link #newCounter()} gives each thread its own scratch space.
 */
public final class ConceptMatcher {
    final Vocabulary vocabulary;
    final WordAutomaton automaton;
    final MatchOptions options;
    /** Per pattern: the keys it is a concept name of, and the answer sets it belongs to. */
    final int[][] patternKeys;
    final int[][] patternAnswerSets;
    /** Per key: its targets and (with a relation window) its relation word ids, sorted. */
    final int[][] keyTargets;
    final int[][] keyRelationWords;
    /** Per target: its key and its answer set (or -1 when it has no answer left). */
    final int[] targetKey;
    final int[] targetAnswerSet;
    private final int[] namesUsed;
    private final int[] answersUsed;
    final int answerSets;

    private ConceptMatcher(Builder b) {
        this.vocabulary = b.vocabulary;
        WordAutomaton.Builder automatonBuilder = new WordAutomaton.Builder(b.vocabulary.size());
        for (int[] words : b.patternWords) {
            automatonBuilder.add(words);
        }
        this.automaton = automatonBuilder.build();
        this.options = b.options;
        this.patternKeys = b.patternKeys.toArrays();
        this.patternAnswerSets = b.patternAnswerSets.toArrays();
        this.keyTargets = b.keyTargets.toArrays();
        this.keyRelationWords = b.keyRelationWords.toArray(new int[0][]);
        this.targetKey = b.targetKey;
        this.targetAnswerSet = b.targetAnswerSet;
        this.namesUsed = b.namesUsed;
        this.answersUsed = b.answersUsed;
        this.answerSets = b.answerSetIds.size();
    }

    /** Compiles the matcher for {@code targets} (in order: target {@code i} is {@code targets.get(i)}). */
    public static ConceptMatcher compile(List<CountTarget> targets, MatchOptions options) {
        Builder b = new Builder(options, targets.size());
        for (int i = 0; i < targets.size(); i++) {
            b.add(i, targets.get(i));
        }
        return new ConceptMatcher(b);
    }

    public MatchOptions options() {
        return options;
    }

    public int targetCount() {
        return targetKey.length;
    }

    public int keyCount() {
        return keyTargets.length;
    }

    /** The number of distinct folded names and answers in the automaton. */
    public int patternCount() {
        return patternKeys.length;
    }

    /** The key (shared mention and document counts) of target {@code i}. */
    public int keyOf(int target) {
        return targetKey[target];
    }

    /** How many distinct folded concept names of target {@code i} are counted (0: it can only count 0). */
    public int namesUsed(int target) {
        return namesUsed[target];
    }

    /** How many distinct folded answers of target {@code i} count for co-occurrence (0: co-occurrence is 0). */
    public int answersUsed(int target) {
        return answersUsed[target];
    }

    /** Empty counts shaped for this matcher. */
    public CorpusCounts newCounts() {
        return new CorpusCounts(keyCount(), targetCount());
    }

    /** A counter with its own scratch space; use one per thread. */
    public DocumentCounter newCounter() {
        return new DocumentCounter(this);
    }

    /** The distinct values of {@code values[0, n)}, sorted. */
    private static int[] sortedDistinct(int[] values, int n) {
        int[] a = Arrays.copyOf(values, n);
        Arrays.sort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (k == 0 || a[i] != a[k - 1]) {
                a[k++] = a[i];
            }
        }
        return k == a.length ? a : Arrays.copyOf(a, k);
    }

    private static final class Builder {
        final MatchOptions options;
        final Vocabulary vocabulary = new Vocabulary();
        final List<int[]> patternWords = new ArrayList<>();
        final IntSeqIds patternIds = new IntSeqIds();
        final IntLists patternKeys = new IntLists();
        final IntLists patternAnswerSets = new IntLists();
        final IntSeqIds keyIds = new IntSeqIds();
        final IntLists keyTargets = new IntLists();
        final List<int[]> keyRelationWords = new ArrayList<>();
        final IntSeqIds answerSetIds = new IntSeqIds();
        final int[] targetKey;
        final int[] targetAnswerSet;
        final int[] namesUsed;
        final int[] answersUsed;
        private int[] scratch = new int[16];
        private int scratchSize;

        Builder(MatchOptions options, int targets) {
            this.options = options;
            this.targetKey = new int[targets];
            this.targetAnswerSet = new int[targets];
            this.namesUsed = new int[targets];
            this.answersUsed = new int[targets];
        }

        void add(int t, CountTarget target) {
            int[] ids = new int[target.conceptNames().size()];
            int n = 0;
            for (String name : target.conceptNames()) {
                String f = Normalizer.fold(name);
                if (!f.isEmpty() && f.codePointCount(0, f.length()) >= options.minAliasLength()) {
                    ids[n++] = pattern(f);
                }
            }
            int[] names = sortedDistinct(ids, n);
            int[] relationWords = options.relationWindow() > 0 ? relationWords(target.relation()) : new int[0];
            int[] keyOf = Arrays.copyOf(names, names.length + 1 + relationWords.length);
            keyOf[names.length] = -1;
            System.arraycopy(relationWords, 0, keyOf, names.length + 1, relationWords.length);
            int key = keyIds.find(keyOf);
            if (key < 0) {
                key = keyIds.add(keyOf);
                keyTargets.addList();
                keyRelationWords.add(relationWords);
                for (int p : names) {
                    patternKeys.add(p, key);
                }
            }
            keyTargets.add(key, t);
            targetKey[t] = key;
            namesUsed[t] = names.length;

            String question = Normalizer.fold(target.question());
            int[] answerIds = new int[target.answers().size()];
            int a = 0;
            for (String answer : target.answers()) {
                String f = Normalizer.fold(answer);
                if (!f.isEmpty() && !Words.containsWord(question, f)) {
                    answerIds[a++] = pattern(f);
                }
            }
            int[] answers = sortedDistinct(answerIds, a);
            answersUsed[t] = answers.length;
            if (answers.length == 0) {
                targetAnswerSet[t] = -1;
            } else {
                int set = answerSetIds.find(answers);
                if (set < 0) {
                    set = answerSetIds.add(answers);
                    for (int p : answers) {
                        patternAnswerSets.add(p, set);
                    }
                }
                targetAnswerSet[t] = set;
            }
        }

        /** The id of the pattern of folded text {@code f} (non-empty): one per word sequence, added if new. */
        private int pattern(String f) {
            int[] words = words(f);
            int id = patternIds.find(words);
            if (id >= 0) {
                return id;
            }
            id = patternIds.add(words);
            patternWords.add(words);
            patternKeys.addList();
            patternAnswerSets.addList();
            return id;
        }

        private int[] relationWords(String relation) {
            if (relation == null) {
                return new int[0];
            }
            scratchSize = 0;
            char[] b = Normalizer.fold(relation).toCharArray();
            Tokens.split(b, b.length, (chars, from, to) -> {
                if (Character.codePointCount(chars, from, to - from) >= MatchOptions.RELATION_WORD_MIN) {
                    push(vocabulary.add(chars, from, to));
                }
            });
            return sortedDistinct(scratch, scratchSize);
        }

        private int[] words(String folded) {
            scratchSize = 0;
            char[] b = folded.toCharArray();
            Tokens.split(b, b.length, (chars, from, to) -> push(vocabulary.add(chars, from, to)));
            return Arrays.copyOf(scratch, scratchSize);
        }

        private void push(int id) {
            if (scratchSize == scratch.length) {
                scratch = Arrays.copyOf(scratch, scratchSize * 2);
            }
            scratch[scratchSize++] = id;
        }
    }
}
