package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplateTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsTheHeadToTailStyleZeroShotPrompt() {
        assertThat(PromptTemplate.defaults().text()).isEqualTo(
                "Answer the question with as few words as possible. If you do not know the answer, say \"unsure\".\n"
                        + "Question: {question}\n"
                        + "Answer:");
    }

    @Test
    void rendersTheDefault() {
        assertThat(PromptTemplate.defaults().render("What is the capital of France?", "France", "capital"))
                .isEqualTo("Answer the question with as few words as possible. If you do not know the answer, "
                        + "say \"unsure\".\nQuestion: What is the capital of France?\nAnswer:");
    }

    @Test
    void theDefaultPromptEndsWithTheQuestionAfterTheLastQuestionMarker() {
        String prompt = PromptTemplate.defaults().render("Who wrote Huckleberry Finn?", "Huckleberry Finn", null);
        String afterMarker = prompt.substring(prompt.lastIndexOf("Question:") + "Question:".length());
        assertThat(afterMarker).startsWith(" Who wrote Huckleberry Finn?\n");
    }

    @Test
    void sha256IsTheHexDigestOfTheText() {
        // Reference values from the coreutils sha256sum of the same UTF-8 bytes.
        assertThat(PromptTemplate.defaults().sha256())
                .isEqualTo("2a2aafb709b364a150967c4e6ecb16ffd3254224a93d77ef32631d9962e5f665");
        assertThat(PromptTemplate.of("Q: {question} A:").sha256())
                .isEqualTo("6b0128a16e2daf119fb53841bf66759f1a24414fa617294308d61a804b3daaa9");
    }

    @Test
    void substitutesEveryPlaceholderOnceAndLeavesOtherBraces() {
        PromptTemplate t = PromptTemplate.of("{concept}|{relation}|{question}|{question}|{other}|{}|{");
        assertThat(t.render("Q?", "C", "R")).isEqualTo("C|R|Q?|Q?|{other}|{}|{");
    }

    @Test
    void nullConceptAndRelationBecomeEmpty() {
        PromptTemplate t = PromptTemplate.of("[{concept}][{relation}] {question}");
        assertThat(t.render("Q?", null, null)).isEqualTo("[][] Q?");
    }

    @Test
    void insertedValuesAreNotSubstitutedAgain() {
        PromptTemplate t = PromptTemplate.of("{question} / {concept}");
        assertThat(t.render("What is {concept}?", "{relation}", "r")).isEqualTo("What is {concept}? / {relation}");
    }

    @Test
    void aTemplateWithoutQuestionIsRejected() {
        assertThatThrownBy(() -> PromptTemplate.of("Tell me about {concept}."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{question}");
        assertThatThrownBy(() -> PromptTemplate.defaults().render(null, "c", "r"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void readsAFileAsUtf8() throws IOException {
        Path file = dir.resolve("prompt.txt");
        Files.writeString(file, "Réponds brièvement.\nQuestion: {question}\nRéponse :", StandardCharsets.UTF_8);
        PromptTemplate t = PromptTemplate.fromFile(file);
        assertThat(t.render("Où ?", "c", null)).isEqualTo("Réponds brièvement.\nQuestion: Où ?\nRéponse :");
    }

    @Test
    void aFileWithTheDefaultTextAndAFinalNewlineEqualsTheDefault() throws IOException {
        Path lf = dir.resolve("lf.txt");
        Files.writeString(lf, PromptTemplate.DEFAULT_TEXT + "\n", StandardCharsets.UTF_8);
        Path crlf = dir.resolve("crlf.txt");
        Files.writeString(crlf, "\uFEFF" + PromptTemplate.DEFAULT_TEXT.replace("\n", "\r\n") + "\r\n",
                StandardCharsets.UTF_8);
        assertThat(PromptTemplate.fromFile(lf)).isEqualTo(PromptTemplate.defaults());
        assertThat(PromptTemplate.fromFile(crlf).sha256()).isEqualTo(PromptTemplate.defaults().sha256());
    }

    @Test
    void onlyOneFinalNewlineIsRemoved() throws IOException {
        Path file = dir.resolve("two.txt");
        Files.writeString(file, "Q: {question}\n\n", StandardCharsets.UTF_8);
        assertThat(PromptTemplate.fromFile(file).text()).isEqualTo("Q: {question}\n");
    }

    @Test
    void aFileWithoutQuestionIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("bad-prompt.txt");
        Files.writeString(file, "Tell me about {concept}.", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PromptTemplate.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-prompt.txt")
                .hasMessageContaining("{question}");
    }

    @Test
    void unreadableFilesThrowIoException() throws IOException {
        assertThatThrownBy(() -> PromptTemplate.fromFile(dir.resolve("missing.txt")))
                .isInstanceOf(IOException.class);
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Qu\u00e9stion: {question}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PromptTemplate.fromFile(latin1)).isInstanceOf(IOException.class);
    }
}
