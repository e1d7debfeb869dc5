package dev.tailgap.harness.scoring;

import static dev.tailgap.reports.Outcome.ABSTAINED;
import static dev.tailgap.reports.Outcome.CORRECT;
import static dev.tailgap.reports.Outcome.HALLUCINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.reports.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScorerTest {

    private static final List<String> PARIS = List.of("Paris");
    private static final List<String> TWAIN = List.of("Mark Twain", "Samuel Clemens");

    private final Scorer scorer = Scorer.defaults();

    /** raw answer, golds, expected extracted answer, expected outcome (default scorer). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // correct
                Arguments.of("Paris", PARIS, "Paris", CORRECT),
                Arguments.of(" Answer: Paris.\nQuestion: next", PARIS, "Paris.", CORRECT),
                Arguments.of("The answer is Paris.", PARIS, "The answer is Paris.", CORRECT),
                Arguments.of("**Samuel Clemens**", TWAIN, "Samuel Clemens", CORRECT),
                // hallucinated: a confident wrong answer
                Arguments.of("Lyon", PARIS, "Lyon", HALLUCINATED),
                Arguments.of("Parisian", PARIS, "Parisian", HALLUCINATED),
                Arguments.of("Ernest Hemingway", TWAIN, "Ernest Hemingway", HALLUCINATED),
                // abstained
                Arguments.of("unsure", PARIS, "unsure", ABSTAINED),
                Arguments.of("I don't know.", PARIS, "I don't know.", ABSTAINED),
                Arguments.of("", PARIS, "", ABSTAINED),
                Arguments.of("   \n\n", PARIS, "", ABSTAINED),
                Arguments.of("Answer:", PARIS, "", ABSTAINED),
                Arguments.of("?", PARIS, "", ABSTAINED),
                Arguments.of(null, PARIS, "", ABSTAINED),
                // precedence: the matcher is asked first
                Arguments.of("Not sure, maybe Paris", PARIS, "Not sure, maybe Paris", CORRECT),
                Arguments.of("I'm not sure, but I think it is Mark Twain.", TWAIN,
                        "I'm not sure, but I think it is Mark Twain.", CORRECT),
                Arguments.of("Not sure, maybe Lyon", PARIS, "Not sure, maybe Lyon", ABSTAINED),
                Arguments.of("Unknown Pleasures", List.of("Unknown Pleasures"), "Unknown Pleasures", CORRECT),
                Arguments.of("Unknown Pleasures", List.of("Closer"), "Unknown Pleasures", ABSTAINED),
                // only the first line with content is scored
                Arguments.of("Lyon\nParis", PARIS, "Lyon", HALLUCINATED),
                Arguments.of("unsure\nParis", PARIS, "unsure", ABSTAINED),
                // known leniency of the PopQA rule, sealed
                Arguments.of("not Mark Twain", TWAIN, "not Mark Twain", CORRECT),
                Arguments.of("Paris or Lyon", PARIS, "Paris or Lyon", CORRECT),
                Arguments.of("Lyon, Marseille or Paris", PARIS, "Lyon, Marseille or Paris", CORRECT));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {3}")
    @MethodSource("cases")
    void scores(String raw, List<String> golds, String extracted, Outcome outcome) {
        assertThat(scorer.score(raw, golds)).isEqualTo(new Scored(extracted, outcome));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {3}")
    @MethodSource("cases")
    void preFoldedGoldsScoreTheSame(String raw, List<String> golds, String extracted, Outcome outcome) {
        assertThat(scorer.score(raw, FoldedGolds.of(golds))).isEqualTo(new Scored(extracted, outcome));
    }

    @Test
    void exactMatcherDoesNotForgiveExtraWords() {
        Scorer exact = new Scorer(Matchers.byName("exact"), AbstentionDetector.defaults());
        assertThat(exact.score("Paris.", PARIS).outcome()).isEqualTo(CORRECT);
        assertThat(exact.score("The answer is Paris.", PARIS).outcome()).isEqualTo(HALLUCINATED);
        assertThat(exact.score("not Mark Twain", TWAIN).outcome()).isEqualTo(HALLUCINATED);
        assertThat(exact.score("Not sure, maybe Paris", PARIS).outcome()).isEqualTo(ABSTAINED);
        assertThat(exact.describe()).isEqualTo("exact+abstain(v1)");
    }

    @Test
    void aCustomMatcherWithoutAFastPathIsUsedThroughItsListMethod() {
        Matcher startsWith = new Matcher() {
            @Override
            public String name() {
                return "starts-with";
            }

            @Override
            public boolean matches(String extracted, List<String> golds) {
                return golds.stream().anyMatch(extracted::startsWith);
            }
        };
        Scorer custom = new Scorer(startsWith, AbstentionDetector.defaults());
        assertThat(custom.score("Paris!", FoldedGolds.of(PARIS)).outcome()).isEqualTo(CORRECT);
        assertThat(custom.score("paris", FoldedGolds.of(PARIS)).outcome()).isEqualTo(HALLUCINATED);
        assertThat(custom.describe()).isEqualTo("starts-with+abstain(v1)");
    }

    @Test
    void describesTheDefaults() {
        assertThat(scorer.describe()).isEqualTo("contains+abstain(v1)");
        assertThat(scorer.matcher().name()).isEqualTo("contains");
        assertThat(scorer.abstention().id()).isEqualTo("abstain(v1)");
    }

    @Test
    void describesCustomAbstentionPhrases() {
        Scorer custom = new Scorer(Matchers.defaultMatcher(), AbstentionDetector.of(List.of("keine Ahnung")));
        assertThat(custom.describe()).startsWith("contains+abstain(custom:");
    }

    @Test
    void neverProducesError() {
        cases().forEach(args -> assertThat(scorer.score((String) args.get()[0], PARIS).outcome())
                .isNotEqualTo(Outcome.ERROR));
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> new Scorer(null, AbstentionDetector.defaults()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Scorer(Matchers.defaultMatcher(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> scorer.score("Paris", (FoldedGolds) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Scored(null, CORRECT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Scored("x", null)).isInstanceOf(NullPointerException.class);
    }
}
