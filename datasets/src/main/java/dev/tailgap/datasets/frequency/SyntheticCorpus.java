package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.Item;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic corpus whose corpus counts are known exactly, for tests and benchmarks.
 *
 * <p>There are {@code concepts} concepts; concept {@code i} is mentioned with probability proportional to
 * {@code 1 / (i + 1)^zipf}. Each concept has three names built from words no other concept, answer or filler word
 * uses: "A B" (the concept), "A B C" (an alias containing it) and "D" (a one-word alias); some words carry
 * diacritics. A mention is written as one of the names in lower, upper or title case, with or without its diacritics
 * and sometimes wrapped in punctuation ("(A B)", "A B,", "“D”"). Every concept has one item; every tenth a second
 * item with another answer, and every fiftieth item's question contains its own answer (so it has no answer to
 * count co-occurrence with). Documents are filler words (from a fixed English list, articles included) with 0 to
 * 4 mentions and, after about half the mentions, an answer of the mentioned concept; a few documents carry an answer
 * without its concept. {@link #expected()} holds the counts the counter must report, tallied while writing.
 *
 * <p>Not thread-safe. Same spec, same bytes.
 */
public final class SyntheticCorpus {

    /** What to generate: documents of about {@code meanWords} words each. */
    public record Spec(long seed, int concepts, double zipf, int meanWords) {
        public Spec {
            if (concepts < 1 || meanWords < 4 || !(zipf >= 0)) {
                throw new IllegalArgumentException("need concepts >= 1, meanWords >= 4 and zipf >= 0");
            }
        }
    }

    private static final String[] FILLER = ("the of and a to in is was for on that with as by at from his her an "
            + "it were which are this be or has had not but also first one their its new after who they have two "
            + "been other all more when into year during time most only over city world between some about under "
            + "made while where later since three many such both then these would could known part used them than "
            + "there well united states early film north south school family river state war history music "
            + "government became season series national found work village area called around population "
            + "including member held along several second high small league born").split(" ");
    /** Three letters each, so a spelling has one reading. */
    private static final String[] SYLLABLES = ("zor vat que lin mar tek bri son dal ven kor mir tas pel gul rin "
            + "fov hax jun lek mop nuv pyr qix ryn sul tov wex yal zem bru cai dro fen gri hol ivo").split(" ");
    private static final int ANSWER_POOL = 2000;

    private final Spec spec;
    private final SplittableRandom rng;
    private final double[] cdf;
    private final String[][] names;
    private final String[][] plainNames;
    private final List<Item> items = new ArrayList<>();
    private final int[][] conceptItems;
    private final int[] itemAnswer;
    private final boolean[] itemAnswerInQuestion;
    private final String[] answers = new String[ANSWER_POOL];
    private final long[] mentions;
    private final long[] docs;
    private final long[] cooccurrence;
    private long documents;

    public SyntheticCorpus(Spec spec) {
        this.spec = spec;
        this.rng = new SplittableRandom(spec.seed());
        int n = spec.concepts();
        cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, spec.zipf());
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        for (int a = 0; a < ANSWER_POOL; a++) {
            answers[a] = "Ans" + a;
        }
        names = new String[n][];
        plainNames = new String[n][];
        conceptItems = new int[n][];
        List<Integer> answerOf = new ArrayList<>();
        List<Boolean> inQuestion = new ArrayList<>();
        java.util.Set<String> filler = java.util.Set.of(FILLER);
        for (int k = 0; k < 4 * n; k++) {
            if (filler.contains(strip(word(k)))) {
                throw new IllegalStateException("concept word " + word(k) + " is a filler word");
            }
        }
        for (int i = 0; i < n; i++) {
            String a = word(4 * i);
            String b = word(4 * i + 1);
            String c = word(4 * i + 2);
            String d = word(4 * i + 3);
            names[i] = new String[] {cap(a) + " " + cap(b), cap(a) + " " + cap(b) + " " + cap(c), cap(d)};
            plainNames[i] = new String[] {strip(names[i][0]), strip(names[i][1]), strip(names[i][2])};
            int itemCount = i % 10 == 9 ? 2 : 1;
            conceptItems[i] = new int[itemCount];
            for (int k = 0; k < itemCount; k++) {
                int id = items.size();
                int answer = Math.floorMod(i * 7 + k * 13, ANSWER_POOL);
                boolean own = id % 50 == 49;
                String q = (k == 0 ? "Where is " : "Who founded ") + names[i][0] + "?"
                        + (own ? " Is it " + answers[answer] + "?" : "");
                items.add(new Item("c" + i + (k == 0 ? "" : "-" + k), q, List.of(answers[answer]), names[i][0],
                        n - i, k == 0 ? "location" : "founder", Map.of(), List.of(names[i][1], names[i][2])));
                conceptItems[i][k] = id;
                answerOf.add(answer);
                inQuestion.add(own);
            }
        }
        itemAnswer = answerOf.stream().mapToInt(Integer::intValue).toArray();
        itemAnswerInQuestion = new boolean[inQuestion.size()];
        for (int i = 0; i < itemAnswerInQuestion.length; i++) {
            itemAnswerInQuestion[i] = inQuestion.get(i);
        }
        mentions = new long[items.size()];
        docs = new long[items.size()];
        cooccurrence = new long[items.size()];
    }

    /** The items, one or two per concept, in concept order. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Every name of every concept, as written in the items (for tools that take a pattern list). */
    public List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (String[] n : names) {
            out.addAll(List.of(n));
        }
        return out;
    }

    /** The counts of everything written so far, per item in {@link #items()} order. */
    public Expected expected() {
        return new Expected(mentions.clone(), docs.clone(), cooccurrence.clone(), documents);
    }

    /** The counts a correct counter reports for the documents written so far; arrays are per item. */
    public record Expected(long[] mentions, long[] docs, long[] cooccurrence, long documents) {
    }

    /** Writes the next document's text (no line end) and tallies its counts; returns its length in chars. */
    public int writeDocument(Writer out) throws IOException {
        StringBuilder b = new StringBuilder(spec.meanWords() * 7);
        int words = spec.meanWords() / 2 + rng.nextInt(spec.meanWords() + 1);
        int mentionCount = rng.nextInt(5);
        int[] mentioned = new int[mentionCount];
        int[] at = new int[mentionCount];
        for (int j = 0; j < mentionCount; j++) {
            mentioned[j] = zipf();
            at[j] = rng.nextInt(words);
        }
        java.util.Arrays.sort(at);
        int[] answersHere = new int[mentionCount + 1];
        int answerCount = 0;
        int next = 0;
        for (int w = 0; w < words; w++) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(FILLER[rng.nextInt(FILLER.length)]);
            while (next < mentionCount && at[next] == w) {
                int c = mentioned[next];
                b.append(' ');
                mention(b, c);
                if (rng.nextInt(2) == 0) {
                    int item = conceptItems[c][rng.nextInt(conceptItems[c].length)];
                    b.append(" and ").append(answers[itemAnswer[item]]);
                    answersHere[answerCount++] = itemAnswer[item];
                }
                next++;
            }
        }
        if (rng.nextInt(20) == 0) {
            int a = rng.nextInt(ANSWER_POOL);
            b.append(" so ").append(answers[a]);
            answersHere[answerCount++] = a;
        }
        b.append('.');
        tally(mentioned, answersHere, answerCount);
        out.write(b.toString());
        return b.length();
    }

    private void tally(int[] mentioned, int[] answersHere, int answerCount) {
        documents++;
        java.util.Arrays.sort(mentioned);
        for (int j = 0; j < mentioned.length; j++) {
            int c = mentioned[j];
            boolean first = j == 0 || mentioned[j - 1] != c;
            for (int item : conceptItems[c]) {
                mentions[item]++;
                if (!first) {
                    continue;
                }
                docs[item]++;
                if (itemAnswerInQuestion[item]) {
                    continue;
                }
                for (int k = 0; k < answerCount; k++) {
                    if (answersHere[k] == itemAnswer[item]) {
                        cooccurrence[item]++;
                        break;
                    }
                }
            }
        }
    }

    private void mention(StringBuilder b, int c) {
        String name = (rng.nextInt(2) == 0 ? names : plainNames)[c][rng.nextInt(3)];
        switch (rng.nextInt(3)) {
            case 0:
                name = name.toLowerCase(java.util.Locale.ROOT);
                break;
            case 1:
                name = name.toUpperCase(java.util.Locale.ROOT);
                break;
            default:
                break;
        }
        switch (rng.nextInt(6)) {
            case 0:
                b.append('(').append(name).append(')');
                break;
            case 1:
                b.append(name).append(',');
                break;
            case 2:
                b.append('\u201c').append(name).append('\u201d');
                break;
            default:
                b.append(name);
                break;
        }
    }

    private int zipf() {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Word {@code k} of the concept vocabulary: {@code k + 37} written in base 37 with syllables as digits (unique,
     * at least two syllables); every seventh word has an accent on its first vowel, which folding removes.
     */
    private static String word(int k) {
        StringBuilder b = new StringBuilder();
        int v = k + SYLLABLES.length;
        do {
            b.append(SYLLABLES[v % SYLLABLES.length]);
            v /= SYLLABLES.length;
        } while (v > 0);
        if (k % 7 == 3) {
            for (int i = 0; i < b.length(); i++) {
                int accent = "aeiou".indexOf(b.charAt(i));
                if (accent >= 0) {
                    b.setCharAt(i, "\u00e4\u00e9\u00ef\u00f6\u00fc".charAt(accent));
                    break;
                }
            }
        }
        return b.toString();
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String strip(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}", "");
    }
}
