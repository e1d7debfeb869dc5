package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AbstentionDetectorTest {

    private final AbstentionDetector detector = AbstentionDetector.defaults();

    static Stream<String> phrases() {
        return AbstentionDetector.PHRASES.stream();
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void eachPhraseAloneIsAnAbstention(String phrase) {
        assertThat(detector.isAbstention(phrase)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void eachPhraseInsideLongerTextIsAnAbstention(String phrase) {
        assertThat(detector.isAbstention("Sorry, " + phrase + " about this one.")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("phrases")
    void eachPhraseIgnoresCaseAndApostropheStyle(String phrase) {
        String shouted = phrase.toUpperCase(Locale.ROOT).replace('\'', '’') + "!";
        assertThat(detector.isAbstention(shouted)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "?", "...", "—", "🤷",
        "I'm not sure.", "I am not sure", "Not sure, sorry", "I don't know", "I do not know", "i dont know",
        "IDK", "I have no idea.", "I cannot answer that.", "I can’t answer this question",
        "I'm unable to answer", "The answer is unknown.", "Unknown", "I have no information about this person.",
        "There is not enough information to determine this.", "I don't have that information.",
        "I'm not aware of such a film.", "I'm not familiar with this person.",
        "I couldn't find any record of this.", "N/A", "n/a", "N.A.", "No answer.", "I cannot determine that",
        "It cannot be determined", "I can't say", "Uncertain", "I'm not certain", "unsure", "Unsure."})
    void abstentions(String extracted) {
        assertThat(detector.isAbstention(extracted)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Paris", "Mark Twain", "I know: Paris", "I'm sure it is Lyon", "Surely Lyon", "None", "No one",
        "Known for painting", "Unknowns of physics", "Idaho", "Nadia", "Sunsure", "Assured", "Notsure",
        "Certainly Paris", "John N. Smith", "Na", "The", "Answer"})
    void answers(String extracted) {
        assertThat(detector.isAbstention(extracted)).isFalse();
    }

    @Test
    void nullIsAnAbstention() {
        assertThat(detector.isAbstention(null)).isTrue();
    }

    @Test
    void unknownAsARealAnswerCountsAsAnAbstention() {
        // Trade-off: "Unknown Pleasures" (Joy Division) reads as an abstention when it is not the gold answer.
        assertThat(detector.isAbstention("Unknown Pleasures")).isTrue();
    }

    @Test
    void defaultsAreVersionOne() {
        assertThat(detector.id()).isEqualTo("abstain(v1)");
        assertThat(new AbstentionDetector().id()).isEqualTo("abstain(v1)");
        assertThat(AbstentionDetector.of(AbstentionDetector.PHRASES).id()).isEqualTo("abstain(v1)");
        assertThat(detector.phrases()).isEqualTo(AbstentionDetector.PHRASES);
    }

    @Test
    void customPhrasesReplaceTheDefaults() {
        AbstentionDetector custom = AbstentionDetector.of(List.of("pas de réponse", "keine Ahnung"));
        assertThat(custom.isAbstention("Keine Ahnung!")).isTrue();
        assertThat(custom.isAbstention("Pas de reponse")).isTrue();
        assertThat(custom.isAbstention("I don't know")).isFalse();
        assertThat(custom.isAbstention("")).isTrue();
        assertThat(custom.phrases()).containsExactly("pas de réponse", "keine Ahnung");
    }

    @Test
    void customPhrasesCanExtendTheDefaults() {
        List<String> phrases = new ArrayList<>(AbstentionDetector.PHRASES);
        phrases.add("keine Ahnung");
        AbstentionDetector extended = AbstentionDetector.of(phrases);
        assertThat(extended.isAbstention("keine ahnung")).isTrue();
        assertThat(extended.isAbstention("I don't know")).isTrue();
        assertThat(extended.id()).isNotEqualTo("abstain(v1)");
    }

    @Test
    void customIdDependsOnTheFoldedPhrasesOnly() {
        AbstentionDetector a = AbstentionDetector.of(List.of("Keine Ahnung", "pas de réponse"));
        AbstentionDetector b = AbstentionDetector.of(List.of("Pas de reponse", "keine ahnung!"));
        AbstentionDetector c = AbstentionDetector.of(List.of("keine Ahnung"));
        assertThat(a.id()).matches("abstain\\(custom:[0-9a-f]{8}\\)").isEqualTo(b.id()).isNotEqualTo(c.id());
    }

    @Test
    void anEmptyListDetectsOnlyEmptyAnswers() {
        AbstentionDetector none = AbstentionDetector.of(List.of());
        assertThat(none.isAbstention("")).isTrue();
        assertThat(none.isAbstention("?")).isTrue();
        assertThat(none.isAbstention("I don't know")).isFalse();
    }

    @Test
    void aShortSingleWordPhraseMustBeTheWholeAnswer() {
        AbstentionDetector custom = AbstentionDetector.of(List.of("NA"));
        assertThat(custom.isAbstention("NA.")).isTrue();
        assertThat(custom.isAbstention("na")).isTrue();
        assertThat(custom.isAbstention("Route NA 7")).isFalse();
    }

    @Test
    void aPhraseThatFoldsToNothingIsRejected() {
        assertThatThrownBy(() -> AbstentionDetector.of(List.of("ok", "...")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'...'");
        assertThatThrownBy(() -> AbstentionDetector.of(List.of("?!")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** extracted answer, whether a default detector calls it an abstention: sealing the phrase semantics. */
    static Stream<Arguments> wordBoundaries() {
        return Stream.of(
                Arguments.of("He was unsure.", true),
                Arguments.of("Unsurely", false),
                Arguments.of("not-sure", true),
                Arguments.of("notsure", false),
                Arguments.of("I don't know who", true),
                Arguments.of("I don't knowingly", false));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("wordBoundaries")
    void phrasesMatchOnWordBoundaries(String extracted, boolean expected) {
        assertThat(detector.isAbstention(extracted)).isEqualTo(expected);
    }
}
