package dev.tailgap.harness.scoring;

import static dev.tailgap.reports.Outcome.ABSTAINED;
import static dev.tailgap.reports.Outcome.CORRECT;
import static dev.tailgap.reports.Outcome.ERROR;
import static dev.tailgap.reports.Outcome.HALLUCINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleScorerTest {
    private static final List<String> PARIS = List.of("Paris");
    private static final List<String> TWAIN = List.of("Mark Twain", "Samuel Clemens");
    private static final List<String> CANADA = List.of("Canada", "CAN", "CA");
    private static final List<String> ITALY = List.of("Italy", "IT", "Italia");
    private static final List<String> INDIA = List.of("India", "in", "Bharat");
    private static final List<String> USA = List.of("United States of America", "US", "USA", "America");
    private static final List<String> GERMANY = List.of("Germany", "DE", "Deutschland");

    private static Verdict score(String scorer, ScorerContext c, String raw, List<String> golds) {
        return Scorers.create(scorer, c).score(ScoringItem.of("q1", "a question", golds), raw);
    }

    private static Outcome contains(String raw, List<String> golds) {
        return score("contains", ScorerContext.defaults(), raw, golds).outcome();
    }

    static Stream<Arguments> containsCases() {
        return Stream.of(
                Arguments.of("Paris", PARIS, CORRECT),
                Arguments.of("The answer is Paris.", PARIS, CORRECT),
                Arguments.of("**Samuel Clemens**", TWAIN, CORRECT),
                Arguments.of("Lyon", PARIS, HALLUCINATED),
                Arguments.of("Parisian", PARIS, HALLUCINATED),
                Arguments.of("unsure", PARIS, ABSTAINED),
                Arguments.of("", PARIS, ABSTAINED),
                Arguments.of(null, PARIS, ABSTAINED),
                Arguments.of("Unknown Pleasures", List.of("Unknown Pleasures"), CORRECT),
                Arguments.of("Unknown Pleasures", List.of("Closer"), HALLUCINATED),
                Arguments.of("No clue", PARIS, ABSTAINED),
                Arguments.of("Beats me", PARIS, ABSTAINED),
                // alias hygiene: 0 false CORRECT from short or function-word aliases
                Arguments.of("I can't say", CANADA, ABSTAINED),
                Arguments.of("CAN", CANADA, CORRECT),
                Arguments.of("It is in Europe, I think", ITALY, HALLUCINATED),
                Arguments.of("It is in Europe, I think", INDIA, HALLUCINATED),
                Arguments.of("It's a shiny cable!", ITALY, HALLUCINATED),
                Arguments.of("Tell us more", USA, HALLUCINATED),
                Arguments.of("the US.", USA, CORRECT),
                Arguments.of("USA", USA, CORRECT),
                Arguments.of("Born in DE", GERMANY, CORRECT),
                Arguments.of("de la Cruz", GERMANY, HALLUCINATED),
                Arguments.of("It is Italy.", ITALY, CORRECT),
                // the PopQA rule's leniency, kept
                Arguments.of("not Mark Twain", TWAIN, CORRECT),
                Arguments.of("Paris or Lyon", PARIS, CORRECT));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {2}")
    @MethodSource("containsCases")
    void containsScoresRefusalsFirstAndGuardsShortAliases(String raw, List<String> golds, Outcome expected) {
        assertThat(contains(raw, golds)).isEqualTo(expected);
    }

    @Test
    void aPlainAliasRuleMatchesShortAliasesLikeAnyGold() {
        ScorerContext plain = new ScorerContext(Map.of(), HedgePolicy.ANSWER, AliasRule.PLAIN, null, null);
        assertThat(score("contains", plain, "Tell us more", USA).outcome()).isEqualTo(CORRECT);
        assertThat(Scorers.create("contains", plain).describe()).contains("aliases:plain");
    }

    @Test
    void everyVerdictSaysWhy() {
        assertThat(score("contains", ScorerContext.defaults(), "Tell us more", USA).reason())
                .isEqualTo("no gold; short alias 'US' counts only as the whole answer");
        assertThat(score("contains", ScorerContext.defaults(), "The answer is Paris.", PARIS).reason())
                .isEqualTo("gold 'Paris' in the answer");
        assertThat(score("contains", ScorerContext.defaults(), "No clue", PARIS).reason())
                .isEqualTo("refusal: no clue");
    }

    @Test
    void hedgedGuessesFollowThePolicy() {
        ScorerContext abstain = new ScorerContext(Map.of(), HedgePolicy.ABSTAIN, AliasRule.GUARDED, null, null);
        ScorerContext answer = ScorerContext.defaults();
        assertThat(score("contains", answer, "I'm not sure, maybe Lyon", PARIS).outcome()).isEqualTo(HALLUCINATED);
        assertThat(score("contains", answer, "I'm not sure, maybe Paris", PARIS).outcome()).isEqualTo(CORRECT);
        assertThat(score("contains", abstain, "I'm not sure, maybe Paris", PARIS).outcome()).isEqualTo(ABSTAINED);
        assertThat(score("contains", abstain, "I'm not sure, maybe Lyon", PARIS).outcome()).isEqualTo(ABSTAINED);
        assertThat(score("contains", abstain, "Paris", PARIS).outcome()).isEqualTo(CORRECT);
        assertThat(Scorers.create("contains", abstain).describe())
                .isEqualTo("contains+refusals(v2)+hedged:abstain");
    }

    @Test
    void derivedFormsAreOptIn() {
        ScorerContext derived = ScorerContext.defaults().withOptions(Map.of("derived", "true"));
        assertThat(score("contains", ScorerContext.defaults(), "a Peruvian province", List.of("Peru")).outcome())
                .isEqualTo(HALLUCINATED);
        Verdict v = score("contains", derived, "a Peruvian province", List.of("Peru"));
        assertThat(v.outcome()).isEqualTo(CORRECT);
        assertThat(v.reason()).isEqualTo("derived form 'peruvian' of gold 'Peru'");
        assertThat(score("contains", derived, "Russian", List.of("Russia")).outcome()).isEqualTo(CORRECT);
        assertThat(score("contains", derived, "Tell us more", USA).outcome()).isEqualTo(HALLUCINATED);
        assertThat(Scorers.create("contains", derived).describe()).startsWith("contains(derived)+");
        assertThatThrownBy(() -> Scorers.create("contains", ScorerContext.defaults().withOptions(Map.of("derived",
                "yes")))).hasMessage("contains option derived must be true or false, got 'yes'");
    }

    @Test
    void exactWantsTheWholeAnswer() {
        assertThat(score("exact", ScorerContext.defaults(), "the Paris.", PARIS).outcome()).isEqualTo(CORRECT);
        assertThat(score("exact", ScorerContext.defaults(), "The answer is Paris.", PARIS).outcome())
                .isEqualTo(HALLUCINATED);
    }

    @Test
    void f1TakesTheBestGoldAndAThreshold() {
        ScorerContext c = ScorerContext.defaults();
        Verdict v = score("f1", c, "Twain", TWAIN);
        assertThat(v.outcome()).isEqualTo(CORRECT);
        assertThat(v.reason()).isEqualTo("token F1 0.67 with 'Mark Twain'");
        assertThat(score("f1", c, "The capital of France is Paris", PARIS).outcome()).isEqualTo(HALLUCINATED);
        assertThat(score("f1", c.withOptions(Map.of("threshold", "0.3")), "The capital of France is Paris", PARIS)
                .outcome()).isEqualTo(CORRECT);
        assertThat(score("f1", c, "Tell us more", USA).outcome()).isEqualTo(HALLUCINATED);
        assertThat(F1Matcher.f1("a b c", "a b")).isEqualTo(0.8);
        assertThatThrownBy(() -> Scorers.create("f1", c.withOptions(Map.of("threshold", "2"))))
                .isInstanceOf(TailgapException.class).hasMessage("f1 threshold must be in (0, 1], got 2.0");
        assertThatThrownBy(() -> Scorers.create("f1", c.withOptions(Map.of("treshold", "0.2"))))
                .hasMessage("scorer f1 has no option 'treshold' (options: threshold)");
    }

    @Test
    void regexUsesTheItemsPatternThenItsRelationsAndFailsPerItemWithoutOne(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("patterns.yaml");
        Files.writeString(file, "items:\n  q1: '(?i)\\bparis\\b'\nrelations:\n  capital: '^(Rome|Roma)$'\n");
        Scorer regex = Scorers.create("regex", ScorerContext.defaults().withOptions(Map.of("patterns",
                file.toString())));
        assertThat(regex.score(ScoringItem.of("q1", "q", PARIS), "It's PARIS").outcome()).isEqualTo(CORRECT);
        ScoringItem rome = new ScoringItem("q2", "q", "Italy", "capital", FoldedGolds.of(List.of("Rome")), 1);
        assertThat(regex.score(rome, "Roma").outcome()).isEqualTo(CORRECT);
        assertThat(regex.score(rome, "Milan").outcome()).isEqualTo(HALLUCINATED);
        ScoringItem other = new ScoringItem("q3", "q", "X", "author", FoldedGolds.of(List.of("Y")), 1);
        Verdict v = regex.score(other, "Y");
        assertThat(v.outcome()).isEqualTo(ERROR);
        assertThat(v.reason()).isEqualTo("no pattern for item q3 or relation author");

        Files.writeString(file, "items:\n  q1: '(unclosed'\n");
        assertThatThrownBy(() -> Scorers.create("regex", ScorerContext.defaults().withOptions(Map.of("patterns",
                file.toString())))).isInstanceOf(TailgapException.class)
                .hasMessageStartingWith("regex patterns " + file + ": items.q1: Unclosed group");
    }
}
