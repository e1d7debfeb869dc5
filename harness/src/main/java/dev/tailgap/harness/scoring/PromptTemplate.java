package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The zero-shot prompt sent for each item. The text may contain the placeholders {@code {question}} (required),
 * {@code {concept}} and {@code {relation}}; any other brace text is left as is. Substitution is a single pass, so a
 * question that itself contains "{concept}" is inserted verbatim.
 *
 * <p>The default ({@link #DEFAULT_TEXT}) follows Head-to-Tail: ask for a brief answer and allow "unsure", which the
 * default {@link RefusalDetector} recognises. Keep the {@code Question:} marker when overriding: the reference
 * test server reads the text after the last {@code Question:}.
 *
 * <p>Immutable and thread-safe; equality is by {@link #text()}.
 */
public final class PromptTemplate {

    /** The default template text. */
    public static final String DEFAULT_TEXT = "Answer the question with as few words as possible. "
            + "If you do not know the answer, say \"unsure\".\n"
            + "Question: {question}\n"
            + "Answer:";

    private static final String QUESTION = "{question}";
    private static final String CONCEPT = "{concept}";
    private static final String RELATION = "{relation}";
    private static final PromptTemplate DEFAULTS = new PromptTemplate(DEFAULT_TEXT);

    private final String text;
    private final String sha256;
    /** Literal segments; between consecutive ones sits the placeholder in {@link #slots}. */
    private final String[] literals;
    private final int[] slots;

    private PromptTemplate(String text) {
        this.text = text;
        this.sha256 = sha256Hex(text);
        List<String> lits = new ArrayList<>();
        List<Integer> sl = new ArrayList<>();
        int from = 0;
        int i = 0;
        while ((i = text.indexOf('{', i)) >= 0) {
            int slot = text.startsWith(QUESTION, i) ? 0 : text.startsWith(CONCEPT, i) ? 1
                    : text.startsWith(RELATION, i) ? 2 : -1;
            if (slot < 0) {
                i++;
                continue;
            }
            lits.add(text.substring(from, i));
            sl.add(slot);
            i += slot == 0 ? QUESTION.length() : slot == 1 ? CONCEPT.length() : RELATION.length();
            from = i;
        }
        lits.add(text.substring(from));
        this.literals = lits.toArray(new String[0]);
        this.slots = sl.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The default template ({@link #DEFAULT_TEXT}). */
    public static PromptTemplate defaults() {
        return DEFAULTS;
    }

    /**
     * A template with exactly {@code text}; {@link IllegalArgumentException} if it has no {@code {question}}
     * placeholder.
     */
    public static PromptTemplate of(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.contains(QUESTION)) {
            throw new IllegalArgumentException("prompt template has no " + QUESTION + " placeholder");
        }
        return text.equals(DEFAULT_TEXT) ? DEFAULTS : new PromptTemplate(text);
    }

    /**
     * Reads a template from a UTF-8 file. A leading byte-order mark is dropped, line endings become {@code \n}, and
     * one final line ending is removed, so a file holding {@link #DEFAULT_TEXT} plus a newline equals
     * {@link #defaults()} (same {@link #sha256()}). Throws {@link IOException} if the file cannot be read or is not
     * valid UTF-8, and {@link IllegalArgumentException} naming the file if it has no {@code {question}} placeholder.
     */
    public static PromptTemplate fromFile(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.contains(QUESTION)) {
            throw new IllegalArgumentException("prompt template " + file + " has no " + QUESTION
                    + " placeholder; add a line such as 'Question: " + QUESTION + "'");
        }
        return of(s);
    }

    /**
     * The prompt for one item: {@code question} (non-null) replaces {@code {question}}, {@code concept} replaces
     * {@code {concept}} and {@code relation} replaces {@code {relation}}; a {@code null} concept or relation becomes "".
     */
    public String render(String question, String concept, String relation) {
        Objects.requireNonNull(question, "question");
        String[] values = {question, concept == null ? "" : concept, relation == null ? "" : relation};
        StringBuilder b = new StringBuilder(text.length() + question.length() + 16);
        b.append(literals[0]);
        for (int k = 0; k < slots.length; k++) {
            b.append(values[slots[k]]).append(literals[k + 1]);
        }
        return b.toString();
    }

    /** The template text. */
    public String text() {
        return text;
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #text()}, for the run spec. */
    public String sha256() {
        return sha256;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptTemplate && ((PromptTemplate) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "PromptTemplate[sha256=" + sha256 + "]";
    }

    private static String sha256Hex(String s) {
        return Sha256.hex(s);
    }
}
