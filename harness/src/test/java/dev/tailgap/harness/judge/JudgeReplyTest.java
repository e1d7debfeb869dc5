package dev.tailgap.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeReplyTest {

    /** Every recorded-shape reply in {@code judge/replies.txt} gives its expected verdict. */
    @Test
    void readsTheVerdictInEveryRecordedShape() throws Exception {
        String text;
        try (InputStream in = JudgeReplyTest.class.getResourceAsStream("/judge/replies.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int blocks = 0;
        for (String block : text.split("(?m)^=== ")) {
            if (block.startsWith("#") || block.isBlank()) {
                continue;
            }
            int nl = block.indexOf('\n');
            String header = block.substring(0, nl);
            String reply = block.substring(nl + 1).strip();
            String expected = header.split(" ")[0];
            JudgeReply.Parsed p = JudgeReply.parse(reply);
            if (expected.equals("none")) {
                assertThat(p).as(header).isNull();
            } else {
                assertThat(p).as(header).isNotNull();
                assertThat(p.verdict()).as(header).isEqualTo(expected);
            }
            blocks++;
        }
        assertThat(blocks).isEqualTo(19);
    }

    @Test
    void keepsTheJudgesReason() {
        assertThat(JudgeReply.parse("correct - names Paris.").reason()).isEqualTo("names Paris.");
        assertThat(JudgeReply.parse("{\"verdict\":\"incorrect\",\"reason\":\"not Ulm\"}").reason()).isEqualTo("not Ulm");
        assertThat(JudgeReply.parse("Verdict: incorrect\nReason: Dickens did not write it.").reason())
                .isEqualTo("Dickens did not write it.");
    }

    @Test
    void theTemplateNeedsItsPlaceholdersAndKeepsValuesOnOneLine(@TempDir Path tmp) throws Exception {
        JudgeTemplate t = JudgeTemplate.defaults();
        String prompt = t.render("Who wrote {golds}?", List.of("A", "B"), "line one\nline two");
        assertThat(prompt).endsWith("Question: Who wrote {golds}?\nCorrect answers: A | B\n"
                + "Prediction: line one line two\nVerdict:\n");
        Path file = tmp.resolve("judge.txt");
        Files.writeString(file, "Q {question} P {prediction}");
        assertThatThrownBy(() -> JudgeTemplate.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge template " + file + ": placeholder {golds} is missing (it needs {question}, "
                        + "{golds}, {prediction})");
        Files.writeString(file, "{question}|{golds}|{prediction}");
        assertThat(JudgeTemplate.read(file).sha()).hasSize(8).isNotEqualTo(t.sha());
    }
}
