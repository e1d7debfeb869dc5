package dev.tailgap.harness.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What of a reply is scored, before the scorer's own answer extraction: {@code first-line} keeps the text before the
 * first newline and nothing after it, as PopQA's code cuts its generations (an empty first line is an empty answer);
 * {@code answer-line} keeps the whole reply and leaves the choice of line to the scorer (tailgap's default: the first
 * line with a letter or digit).
 */
public enum Extraction {
    FIRST_LINE("first-line"), ANSWER_LINE("answer-line");

    private final String label;

    Extraction(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The part of {@code answer} that is scored ({@code null} stays {@code null}). */
    public String apply(String answer) {
        if (this == ANSWER_LINE || answer == null) {
            return answer;
        }
        int nl = answer.indexOf('\n');
        int cr = answer.indexOf('\r');
        int cut = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
        return cut < 0 ? answer : answer.substring(0, cut);
    }

    /** The rule named {@code label}; {@link IllegalArgumentException} listing the names otherwise. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Extraction parse(String label) {
        for (Extraction e : values()) {
            if (e.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("no extraction rule '" + label + "'; known: " + Arrays.stream(values())
                .map(Extraction::label).collect(Collectors.joining(", ")));
    }
}
