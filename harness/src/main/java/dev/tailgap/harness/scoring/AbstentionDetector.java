package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import dev.tailgap.datasets.text.Words;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether an extracted answer is an abstention ("I don't know", "unsure", nothing) rather than an answer.
 *
 * <p>Rule: an answer is an abstention if its folded form ({@link Normalizer#fold(String)}) is empty — the extracted
 * answer is empty or has no letter or digit ("", "?", "…", an emoji) — or contains the folded form of one of the
 * phrases on word boundaries (as {@link ContainsMatcher} does for golds). Phrases are folded the same way as answers,
 * so case, apostrophes (straight or curly) and punctuation do not matter: "I DON’T KNOW." contains "don't know".
 * One exception keeps stray letters from counting: a phrase that folds to a single word of at most two characters
 * (a custom "na" or "x") must be the whole folded answer. The default "n/a" folds to "n a" and is matched
 * anywhere.
 *
 * <p>The default list {@link #PHRASES} (identified as {@code abstain(v1)} in run specs) covers the replies models
 * give when they do not know; longer forms need no entry of their own because matching is by containment: "not sure"
 * also catches "I'm not sure" and "I am not sure", "no information" catches "I have no information".
 *
 * <p>Trade-offs, each sealed by a test: the detector runs only when the matcher found no gold, so a hedged but right
 * answer ("not sure, maybe Paris") is correct, while a hedged wrong guess ("not sure, maybe Lyon") is an abstention,
 * not a hallucination. "unknown" is in the list, so a wrong answer that really contains the word ("Unknown
 * Pleasures" when the gold is "Closer") counts as an abstention; when "Unknown Pleasures" is the gold it is matched
 * first and counts as correct. "None" and "no one" are NOT in the list, because they are real answers (religion,
 * spouse). Refusals phrased in other ways ("That information is private") are not detected and count as
 * hallucinations.
 *
 * <p>Immutable and thread-safe.
 */
public final class AbstentionDetector {

    /** The default phrases, version 1 ({@code abstain(v1)}). */
    public static final List<String> PHRASES = List.of(
            "unsure",
            "not sure",
            "don't know",
            "do not know",
            "dont know",
            "idk",
            "no idea",
            "not certain",
            "uncertain",
            "unknown",
            "cannot answer",
            "can't answer",
            "cant answer",
            "unable to answer",
            "cannot determine",
            "can't determine",
            "unable to determine",
            "cannot be determined",
            "cannot say",
            "can't say",
            "no answer",
            "n/a",
            "no information",
            "not enough information",
            "i don't have",
            "i do not have",
            "not aware",
            "not familiar",
            "couldn't find",
            "could not find");

    private static final String DEFAULT_ID = "abstain(v1)";
    private static final AbstentionDetector DEFAULTS = new AbstentionDetector(PHRASES, DEFAULT_ID);

    private final List<String> phrases;
    private final String[] anywhere;
    private final String[] wholeOnly;
    private final String id;

    /** A detector with the default {@link #PHRASES}. */
    public AbstentionDetector() {
        this(PHRASES, DEFAULT_ID);
    }

    private AbstentionDetector(List<String> phrases, String id) {
        this.phrases = List.copyOf(phrases);
        Set<String> any = new LinkedHashSet<>();
        Set<String> whole = new LinkedHashSet<>();
        for (String phrase : this.phrases) {
            String f = Normalizer.fold(phrase);
            if (f.isEmpty()) {
                throw new IllegalArgumentException("abstention phrase '" + phrase
                        + "' has no letter or digit and can never match");
            }
            if (f.length() <= 2 && f.indexOf(' ') < 0) {
                whole.add(f);
            } else {
                any.add(f);
            }
        }
        this.anywhere = any.toArray(new String[0]);
        this.wholeOnly = whole.toArray(new String[0]);
        this.id = id != null ? id : "abstain(custom:" + shortHash(any, whole) + ")";
    }

    /** The detector with the default {@link #PHRASES}. */
    public static AbstentionDetector defaults() {
        return DEFAULTS;
    }

    /**
     * A detector with custom phrases (replacing the defaults; add {@link #PHRASES} yourself to extend them). An empty
     * list detects only empty answers. Throws {@link IllegalArgumentException} for a phrase that folds to "" (such
     * as "?" or "...") and {@link NullPointerException} for a {@code null} list or phrase.
     */
    public static AbstentionDetector of(List<String> phrases) {
        List<String> copy = List.copyOf(Objects.requireNonNull(phrases, "phrases"));
        return copy.equals(PHRASES) ? DEFAULTS : new AbstentionDetector(copy, null);
    }

    /** The phrases as given. */
    public List<String> phrases() {
        return phrases;
    }

    /**
     * Identifier for run specs: {@code abstain(v1)} for the defaults, {@code abstain(custom:<8 hex>)} for a custom
     * list, the hex being the start of the SHA-256 of its distinct folded phrases in sorted order (so neither order,
     * case nor punctuation of the phrases changes it).
     */
    public String id() {
        return id;
    }

    /** True if {@code extracted} (see {@link AnswerExtractor}) is an abstention; {@code null} counts as empty. */
    public boolean isAbstention(String extracted) {
        return isAbstentionFolded(Normalizer.fold(extracted));
    }

    /** {@link #isAbstention(String)} on an answer already folded with {@link Normalizer#fold(String)}. */
    boolean isAbstentionFolded(String folded) {
        if (folded.isEmpty()) {
            return true;
        }
        for (String phrase : anywhere) {
            if (Words.containsWord(folded, phrase)) {
                return true;
            }
        }
        for (String phrase : wholeOnly) {
            if (folded.equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id;
    }

    private static String shortHash(Set<String> any, Set<String> whole) {
        List<String> all = new ArrayList<>(any);
        all.addAll(whole);
        Collections.sort(all);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", all).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
