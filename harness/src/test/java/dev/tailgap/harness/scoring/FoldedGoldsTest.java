package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedGoldsTest {

    @Test
    void keepsTheAnswersAndFoldsThemOnce() {
        FoldedGolds golds = FoldedGolds.of(List.of("São Paulo", "Sao Paulo", "SP", "?"));
        assertThat(golds.answers()).containsExactly("São Paulo", "Sao Paulo", "SP", "?");
        assertThat(golds.golds()).extracting(FoldedGolds.Gold::folded).containsExactly("sao paulo", "sp");
        assertThat(golds.golds()).extracting(FoldedGolds.Gold::guarded).containsExactly(false, true);
    }

    @Test
    void aSingleGoldThatFoldsToNothingLeavesNothingToMatch() {
        assertThat(FoldedGolds.of(List.of("...")).golds()).isEmpty();
        assertThat(FoldedGolds.of(List.of()).golds()).isEmpty();
    }

    @Test
    void isImmutable() {
        List<String> source = new ArrayList<>(List.of("Paris"));
        FoldedGolds golds = FoldedGolds.of(source);
        source.add("Lyon");
        assertThat(golds.answers()).containsExactly("Paris");
        assertThatThrownBy(() -> golds.golds().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> golds.answers().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsByAnswers() {
        assertThat(FoldedGolds.of(List.of("Paris", "paris"))).isEqualTo(FoldedGolds.of(List.of("Paris", "paris")))
                .hasSameHashCodeAs(FoldedGolds.of(List.of("Paris", "paris")))
                .isNotEqualTo(FoldedGolds.of(List.of("Paris")));
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> FoldedGolds.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FoldedGolds.of(Arrays.asList("Paris", null)))
                .isInstanceOf(NullPointerException.class);
    }
}
