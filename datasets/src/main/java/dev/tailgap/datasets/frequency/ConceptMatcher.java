package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        this.patternKeys = toArrays(b.patternKeys);
        this.patternAnswerSets = toArrays(b.patternAnswerSets);
        this.keyTargets = toArrays(b.keyTargets);
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

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static final class Builder {
        final MatchOptions options;
        final Vocabulary vocabulary = new Vocabulary();
        final List<int[]> patternWords = new ArrayList<>();
        final Map<String, Integer> patternIds = new HashMap<>();
        final List<List<Integer>> patternKeys = new ArrayList<>();
        final List<List<Integer>> patternAnswerSets = new ArrayList<>();
        final Map<String, Integer> keyIds = new HashMap<>();
        final List<List<Integer>> keyTargets = new ArrayList<>();
        final List<int[]> keyRelationWords = new ArrayList<>();
        final Map<String, Integer> answerSetIds = new HashMap<>();
        final int[] targetKey;
        final int[] targetAnswerSet;
        final int[] namesUsed;
        final int[] answersUsed;

        Builder(MatchOptions options, int targets) {
            this.options = options;
            this.targetKey = new int[targets];
            this.targetAnswerSet = new int[targets];
            this.namesUsed = new int[targets];
            this.answersUsed = new int[targets];
        }

        void add(int t, CountTarget target) {
            TreeSet<Integer> names = new TreeSet<>();
            for (String name : target.conceptNames()) {
                String f = Normalizer.fold(name);
                if (!f.isEmpty() && f.codePointCount(0, f.length()) >= options.minAliasLength()) {
                    names.add(pattern(f));
                }
            }
            int[] relationWords = options.relationWindow() > 0 ? relationWords(target.relation()) : new int[0];
            String keyText = names + "|" + Arrays.toString(relationWords);
            Integer key = keyIds.get(keyText);
            if (key == null) {
                key = keyTargets.size();
                keyIds.put(keyText, key);
                keyTargets.add(new ArrayList<>());
                keyRelationWords.add(relationWords);
                for (int p : names) {
                    patternKeys.get(p).add(key);
                }
            }
            keyTargets.get(key).add(t);
            targetKey[t] = key;
            namesUsed[t] = names.size();

            String question = Normalizer.fold(target.question());
            TreeSet<Integer> answers = new TreeSet<>();
            for (String answer : target.answers()) {
                String f = Normalizer.fold(answer);
                if (!f.isEmpty() && !Words.containsWord(question, f)) {
                    answers.add(pattern(f));
                }
            }
            answersUsed[t] = answers.size();
            if (answers.isEmpty()) {
                targetAnswerSet[t] = -1;
            } else {
                String setText = answers.toString();
                Integer set = answerSetIds.get(setText);
                if (set == null) {
                    set = answerSetIds.size();
                    answerSetIds.put(setText, set);
                    for (int p : answers) {
                        patternAnswerSets.get(p).add(set);
                    }
                }
                targetAnswerSet[t] = set;
            }
        }

        /** The id of the pattern of folded text {@code f} (non-empty): one per word sequence, added if new. */
        private int pattern(String f) {
            int[] words = words(f);
            String wordsText = Arrays.toString(words);
            Integer id = patternIds.get(wordsText);
            if (id != null) {
                return id;
            }
            id = patternWords.size();
            patternIds.put(wordsText, id);
            patternWords.add(words);
            patternKeys.add(new ArrayList<>());
            patternAnswerSets.add(new ArrayList<>());
            return id;
        }

        private int[] relationWords(String relation) {
            if (relation == null) {
                return new int[0];
            }
            TreeSet<Integer> ids = new TreeSet<>();
            char[] b = Normalizer.fold(relation).toCharArray();
            Tokens.split(b, b.length, (chars, from, to) -> {
                if (Character.codePointCount(chars, from, to - from) >= MatchOptions.RELATION_WORD_MIN) {
                    ids.add(vocabulary.add(chars, from, to));
                }
            });
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }

        private int[] words(String folded) {
            char[] b = folded.toCharArray();
            List<Integer> ids = new ArrayList<>();
            Tokens.split(b, b.length, (chars, from, to) -> ids.add(vocabulary.add(chars, from, to)));
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
