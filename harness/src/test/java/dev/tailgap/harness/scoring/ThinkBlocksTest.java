package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThinkBlocksTest {
    @Test
    void aLeadingThinkBlockIsReasoningAndTheRestIsTheAnswer() {
        assertThat(ThinkBlocks.split("<think>Lyon is in France.</think>\n\nFrance"))
                .isEqualTo(new ThinkBlocks.Split("Lyon is in France.", "France"));
        assertThat(ThinkBlocks.split("  <THINKING>hm</THINKING> Peru"))
                .isEqualTo(new ThinkBlocks.Split("hm", "Peru"));
    }

    @Test
    void reasoningCutByTheTokenLimitLeavesNoAnswer() {
        assertThat(ThinkBlocks.split("<think>Lyon is a city in")).isEqualTo(new ThinkBlocks.Split("Lyon is a city in", ""));
    }

    @Test
    void textWithoutALeadingBlockIsTheAnswerAsIs() {
        assertThat(ThinkBlocks.split("France <think>x</think>")).isEqualTo(new ThinkBlocks.Split(null,
                "France <think>x</think>"));
        assertThat(ThinkBlocks.split("")).isEqualTo(new ThinkBlocks.Split(null, ""));
    }
}
