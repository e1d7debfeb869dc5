package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchersTest {

    @Test
    void findsTheBuiltInMatchersByName() {
        assertThat(Matchers.byName("contains")).isInstanceOf(ContainsMatcher.class);
        assertThat(Matchers.byName("exact")).isInstanceOf(ExactMatcher.class);
        assertThat(Matchers.byName(" Exact ").name()).isEqualTo("exact");
    }

    @Test
    void everyListedNameResolvesToAMatcherOfThatName() {
        for (String name : Matchers.names()) {
            assertThat(Matchers.byName(name).name()).isEqualTo(name);
        }
    }

    @Test
    void theDefaultIsContains() {
        assertThat(Matchers.names()).first().isEqualTo("contains");
        assertThat(Matchers.defaultMatcher().name()).isEqualTo("contains");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Matchers.byName("fuzzy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fuzzy'")
                .hasMessageContaining("contains, exact");
        assertThatThrownBy(() -> Matchers.byName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
