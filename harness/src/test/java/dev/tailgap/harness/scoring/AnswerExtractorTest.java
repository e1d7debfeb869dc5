package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerExtractorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // plain answers and whitespace
                Arguments.of("Paris", "Paris"),
                Arguments.of("  Paris  ", "Paris"),
                Arguments.of("\tParis\u3000", "Paris"),
                Arguments.of("", ""),
                Arguments.of("   ", ""),
                // first non-empty line, any line ending
                Arguments.of("Paris\nQuestion: What is the capital of Italy?\nAnswer: Rome", "Paris"),
                Arguments.of("\n\n  Paris\nLyon", "Paris"),
                Arguments.of("Paris\r\nLyon", "Paris"),
                Arguments.of("\r\rParis\rLyon", "Paris"),
                // labels, case-insensitive, optional spaces, repeated
                Arguments.of("Answer: Paris", "Paris"),
                Arguments.of("answer:Paris", "Paris"),
                Arguments.of("ANSWER : Paris", "Paris"),
                Arguments.of("A: Paris", "Paris"),
                Arguments.of("a:Paris", "Paris"),
                Arguments.of("Final answer: Paris", "Paris"),
                Arguments.of("Final Answer  :  Paris", "Paris"),
                Arguments.of("A: Answer: Paris", "Paris"),
                Arguments.of("Answer: A: Final answer: Paris", "Paris"),
                Arguments.of("Answer：Paris", "Paris"),
                // a label alone on its line: the answer is on the next line
                Arguments.of("Answer:\nParis", "Paris"),
                Arguments.of("**Final answer:**\n\n**Paris**", "Paris"),
                // markdown bold around the label or the answer
                Arguments.of("**Answer:** Paris", "Paris"),
                Arguments.of("**Answer**: Paris", "Paris"),
                Arguments.of("**Answer: Paris**", "Paris"),
                Arguments.of("__Answer:__ Paris", "Paris"),
                Arguments.of("**Answer:** **Paris**", "Paris"),
                Arguments.of("**Paris**", "Paris"),
                Arguments.of("*Paris*", "Paris"),
                Arguments.of("__Paris__", "Paris"),
                // wrapping quotes
                Arguments.of("\"Paris\"", "Paris"),
                Arguments.of("'Paris'", "Paris"),
                Arguments.of("“Paris”", "Paris"),
                Arguments.of("‘Paris’", "Paris"),
                Arguments.of("«Paris»", "Paris"),
                Arguments.of("「東京」", "東京"),
                Arguments.of("`Paris`", "Paris"),
                Arguments.of("Answer: \"**Paris**\"", "Paris"),
                Arguments.of("\" Paris \"", "Paris"),
                // not cut at the first sentence; quotes that do not wrap the whole line stay
                Arguments.of("The answer is Paris.", "The answer is Paris."),
                Arguments.of("Paris. It is the capital of France.", "Paris. It is the capital of France."),
                Arguments.of("\"Paris\" is the answer", "\"Paris\" is the answer"),
                Arguments.of("Rock 'n' roll", "Rock 'n' roll"),
                // words that start like a label but have no colon after it
                Arguments.of("Answer Paris", "Answer Paris"),
                Arguments.of("Athens", "Athens"),
                Arguments.of("Apple: a fruit", "Apple: a fruit"),
                Arguments.of("Answers: Paris", "Answers: Paris"),
                // code fences and rules are skipped
                Arguments.of("```\nParis\n```", "Paris"),
                Arguments.of("---\nParis", "Paris"),
                // nothing with a letter or digit
                Arguments.of("?", ""),
                Arguments.of("Answer:", ""),
                Arguments.of("\"\"", ""),
                Arguments.of("**", ""),
                Arguments.of("…\n---", ""),
                // digits count as content
                Arguments.of("A: 1984", "1984"),
                Arguments.of("unsure", "unsure"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void extracts(String raw, String expected) {
        assertThat(AnswerExtractor.extract(raw)).isEqualTo(expected);
    }

    @Test
    void nullIsEmpty() {
        assertThat(AnswerExtractor.extract(null)).isEmpty();
    }

    @Test
    void extractingTwiceChangesNothing() {
        cases().forEach(args -> {
            String once = AnswerExtractor.extract((String) args.get()[0]);
            assertThat(AnswerExtractor.extract(once)).as("extract(extract(%s))", args.get()[0]).isEqualTo(once);
        });
    }
}
