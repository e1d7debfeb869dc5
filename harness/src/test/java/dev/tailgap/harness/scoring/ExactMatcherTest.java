package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactMatcherTest {

    private final Matcher matcher = new ExactMatcher();

    private boolean matches(String extracted, List<String> golds) {
        return matcher.match(Answer.of(extracted), ScoringItem.of("x", "q", golds)).correct();
    }

    /** extracted answer, golds, expected. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Paris", List.of("Paris"), true),
                Arguments.of("  PARIS. ", List.of("Paris"), true),
                Arguments.of("the Côte d'Ivoire.", List.of("Cote d'Ivoire"), true),
                Arguments.of("The Beatles", List.of("Beatles"), true),
                Arguments.of("Sao Paulo", List.of("São Paulo"), true),
                Arguments.of("Samuel Clemens", List.of("Mark Twain", "Samuel Clemens"), true),
                Arguments.of("U.S.A", List.of("U.S.A."), true),
                Arguments.of("USA", List.of("U.S.A."), false),
                // extra words are not forgiven
                Arguments.of("The answer is Paris.", List.of("Paris"), false),
                Arguments.of("Paris, France", List.of("Paris"), false),
                Arguments.of("Mark", List.of("Mark Twain"), false),
                // so none of the substring leniency applies
                Arguments.of("not Mark Twain", List.of("Mark Twain"), false),
                Arguments.of("Paris or Lyon", List.of("Paris"), false),
                Arguments.of("maybe Paris", List.of("Paris"), false),
                // empty never matches
                Arguments.of("", List.of("Paris"), false),
                Arguments.of("?", List.of("!"), false),
                Arguments.of("", List.of(""), false),
                Arguments.of("Paris", List.of(), false));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {2}")
    @MethodSource("cases")
    void matches(String extracted, List<String> golds, boolean expected) {
        assertThat(matches(extracted, golds)).isEqualTo(expected);
    }


}
