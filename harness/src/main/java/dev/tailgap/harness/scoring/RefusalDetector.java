package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a refusal ("I don't know", "No clue", "Unclear", nothing) from an answer, and an answer given as a guess
 * ("I'm not sure, maybe Lyon") from a plain one. Rules, on the extracted answer (see {@link RefusalPhrases} for the
 * lists, version {@value #ID}):
 * <ol>
 *   <li>an answer with no letter or digit ("", "?", "…") is a refusal;</li>
 *   <li>a refusal phrase ("no idea", "can't say", "hard to say", "keine Ahnung", …) found as consecutive words is a
 *       refusal cue, except inside a title: when its words are capitalised (small words aside) and either two of them
 *       are ("No One Knows", "Hard to Say I'm Sorry") or it touches another capitalised word other than "I" ("Unknown
 *       Pleasures", "The Uncertain Glory", "No Information Age", "Not Aware of Anything"). An all-capitals answer has
 *       no titles, and a refusal written in title case ("I Don't Know") passes for one;</li>
 *   <li>a predicate word ("unknown", "unclear", "uncertain", "unsure", …) is a cue unless it is an attribute of the
 *       next word ("an unknown artist" is an answer, "unknown to me", "Unknown." and "It is unclear whether" are
 *       not), with the same title exception;</li>
 *   <li>a few words refuse only as the whole answer, courtesy words aside ("Pass", "N/A - sorry.", "Nope");</li>
 *   <li>an answer with a guess marker ("maybe", "perhaps", "probably", "I think", "my guess", "could be", …) followed
 *       by a word that is not a function word is {@link Kind#HEDGED}, with or without a refusal cue; otherwise a cue
 *       makes it a {@link Kind#REFUSAL}.</li>
 * </ol>
 * Measured on the labelled corpus in the tests (printed there): recall on refusals and the share of non-refusals
 * (titles, names, "unknown" as an adjective, hedged guesses) taken for refusals. Not detected: refusals in other
 * scripts, refusals with no listed phrase ("That information is private"), sarcasm. Immutable and thread-safe.
 */
public final class RefusalDetector {

    /** The rule's identifier in run specs. */
    public static final String ID = "refusals(v2)";

    private static final Set<String> TITLE_LINKS = Set.of("of", "the", "and");
    private static final Set<String> CONTRACTION_TAILS = Set.of("t", "s", "m", "re", "ve", "ll", "d");
    private static final Set<String> COMMONEST = Set.of("it", "is", "i", "to", "be", "but", "if", "the", "a", "an",
            "and", "or", "of", "in", "on", "at", "no", "not", "do", "does", "did", "can");
    private static final Set<String> SMALL = Set.of("to", "of", "the", "and", "a", "an", "in", "on", "for", "from");
    private static final Set<String> COURTESY = Set.of("sorry", "thanks", "thank", "you", "unfortunately", "im",
            "afraid", "honestly");

    /** Built after the sets above, which its constructor reads. */
    private static final RefusalDetector DEFAULTS = new RefusalDetector();

    /** What an answer is. */
    public enum Kind { ANSWER, HEDGED, REFUSAL }

    /** The decision and the words that made it ({@code cue}, empty for a plain answer). */
    public record Result(Kind kind, String cue) {
    }

    private final Map<String, List<String[]>> phrasesByFirst = new HashMap<>();
    private final Map<String, List<String[]>> otherByFirst = new HashMap<>();
    private final Set<String> predicates = new HashSet<>();
    private final Set<String> whole = new HashSet<>();
    private final Set<String> followers = new HashSet<>();
    private final Map<String, List<String[]>> guessesByFirst = new HashMap<>();
    /** Every word of every list: an answer with none of them is a plain answer, found without splitting it. */
    private final Set<String> keywords = new HashSet<>();

    private RefusalDetector() {
        index(RefusalPhrases.ANYWHERE, phrasesByFirst);
        index(RefusalPhrases.OTHER_LANGUAGES, otherByFirst);
        index(RefusalPhrases.GUESSES, guessesByFirst);
        RefusalPhrases.PREDICATES.forEach(w -> predicates.add(Normalizer.fold(w)));
        RefusalPhrases.WHOLE.forEach(w -> whole.add(Normalizer.fold(w)));
        RefusalPhrases.PREDICATE_FOLLOWERS.forEach(w -> followers.add(Normalizer.fold(w)));
        for (List<String> list : List.of(RefusalPhrases.ANYWHERE, RefusalPhrases.OTHER_LANGUAGES,
                RefusalPhrases.GUESSES, RefusalPhrases.PREDICATES, RefusalPhrases.WHOLE)) {
            for (String phrase : list) {
                addKeywords(Tokens.folded(phrase));
            }
        }
    }

    public static RefusalDetector defaults() {
        return DEFAULTS;
    }

    /** Classifies an extracted answer ({@code null} counts as empty). */
    public Result classify(String extracted) {
        return classify(Answer.of(extracted == null ? "" : extracted));
    }

    Result classify(Answer answer) {
        if (answer.folded().isEmpty()) {
            return new Result(Kind.REFUSAL, "empty answer");
        }
        if (whole.contains(answer.folded())) {
            return new Result(Kind.REFUSAL, answer.folded());
        }
        if (!hasKeyword(answer.folded())) {
            return new Result(Kind.ANSWER, "");
        }
        String bare = withoutCourtesy(answer.tokens());
        if (whole.contains(bare)) {
            return new Result(Kind.REFUSAL, bare);
        }
        Tokens t = answer.tokens();
        String cue = null;
        for (int i = 0; i < t.size() && cue == null; i++) {
            String w = t.get(i).folded();
            for (String[] phrase : phrasesByFirst.getOrDefault(w, List.of())) {
                if (at(t, i, phrase) && !title(t, i, phrase.length)) {
                    cue = String.join(" ", phrase);
                    break;
                }
            }
            for (String[] phrase : otherByFirst.getOrDefault(w, List.of())) {
                if (cue == null && at(t, i, phrase)) {
                    cue = String.join(" ", phrase);
                }
            }
            if (cue == null && predicates.contains(w) && !attribute(t, i) && !title(t, i, 1)) {
                cue = w;
            }
        }
        String guess = guess(t);
        if (guess != null) {
            return new Result(Kind.HEDGED, cue == null ? guess : cue + " / " + guess);
        }
        return cue == null ? new Result(Kind.ANSWER, "") : new Result(Kind.REFUSAL, cue);
    }

    /**
     * Keeps a phrase's words that are not function words, or for a phrase of function words only ("could be", "it
     * might") those that are not among the commonest ones, so the pre-check skips ordinary sentences.
     */
    private void addKeywords(String[] words) {
        boolean any = false;
        for (String w : words) {
            if (!AliasRule.FUNCTION_WORDS.contains(w) && !CONTRACTION_TAILS.contains(w)) {
                keywords.add(w);
                any = true;
            }
        }
        if (!any) {
            for (String w : words) {
                if (!COMMONEST.contains(w) && !CONTRACTION_TAILS.contains(w)) {
                    keywords.add(w);
                }
            }
        }
    }

    /** True if some word of the folded answer is a word of the lists. */
    private boolean hasKeyword(String folded) {
        int start = 0;
        int n = folded.length();
        while (start < n) {
            int end = folded.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            if (keywords.contains(folded.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The folded answer without leading or trailing courtesy words ("Pass - sorry." is "pass"). */
    private static String withoutCourtesy(Tokens t) {
        int a = 0;
        int b = t.size();
        while (a < b && COURTESY.contains(t.get(a).folded())) {
            a++;
        }
        while (b > a && COURTESY.contains(t.get(b - 1).folded())) {
            b--;
        }
        StringBuilder s = new StringBuilder();
        for (int i = a; i < b; i++) {
            s.append(s.length() == 0 ? "" : " ").append(t.get(i).folded());
        }
        return s.toString();
    }

    /** The first guess marker followed by a content word, or {@code null}. */
    private String guess(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            for (String[] marker : guessesByFirst.getOrDefault(t.get(i).folded(), List.of())) {
                if (!at(t, i, marker)) {
                    continue;
                }
                for (int j = i + marker.length; j < t.size(); j++) {
                    String w = t.get(j).folded();
                    if (!AliasRule.FUNCTION_WORDS.contains(w) && !CONTRACTION_TAILS.contains(w)
                            && !predicates.contains(w) && !phrasesByFirst.containsKey(w)
                            && !otherByFirst.containsKey(w)) {
                        return String.join(" ", marker);
                    }
                }
            }
        }
        return null;
    }

    private static boolean at(Tokens t, int i, String[] phrase) {
        if (i + phrase.length > t.size()) {
            return false;
        }
        for (int j = 0; j < phrase.length; j++) {
            if (!t.get(i + j).folded().equals(phrase[j]) || j > 0 && t.get(i + j).punctuationBefore()
                    && !CONTRACTION_TAILS.contains(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    /** True if the word at {@code i} qualifies the next word ("unknown artist"). */
    private boolean attribute(Tokens t, int i) {
        if (i + 1 >= t.size() || t.get(i + 1).punctuationBefore()) {
            return false;
        }
        return !followers.contains(t.get(i + 1).folded());
    }

    /**
     * True if the {@code n} words at {@code i} look like part of a title: capitalised (small words such as "to" and
     * contraction tails may stay lower case) and either holding two capitalised words other than "I" ("No One
     * Knows", "Hard to Say") or touching another capitalised word, before or after across "of", "the", "and", "I"
     * ("Unknown Pleasures", "The Uncertain Glory"). Never in an all-capitals answer.
     */
    private static boolean title(Tokens t, int i, int n) {
        if (t.allCaps()) {
            return false;
        }
        int caps = 0;
        for (int j = i; j < i + n; j++) {
            Tokens.Word w = t.get(j);
            if (w.capitalized()) {
                caps += w.text().equals("I") ? 0 : 1;
            } else if (j == i || !CONTRACTION_TAILS.contains(w.folded()) && !SMALL.contains(w.folded())) {
                return false;
            }
        }
        if (caps >= 2) {
            return true;
        }
        if (i > 0 && !t.get(i).punctuationBefore() && capitalizedWord(t.get(i - 1))) {
            return true;
        }
        for (int j = i + n; j < t.size(); j++) {
            Tokens.Word w = t.get(j);
            if (w.punctuationBefore()) {
                return false;
            }
            if (capitalizedWord(w)) {
                return true;
            }
            if (!TITLE_LINKS.contains(w.folded()) && !CONTRACTION_TAILS.contains(w.folded())
                    && !w.text().equals("I")) {
                return false;
            }
        }
        return false;
    }

    private static boolean capitalizedWord(Tokens.Word w) {
        return w.capitalized() && !w.text().equals("I");
    }

    private static void index(List<String> phrases, Map<String, List<String[]>> out) {
        for (String p : phrases) {
            String[] words = Tokens.folded(p);
            if (words.length > 0) {
                out.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            }
        }
    }
}
