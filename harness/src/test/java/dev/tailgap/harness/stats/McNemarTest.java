package dev.tailgap.harness.stats;

import static dev.tailgap.harness.stats.Reference.TOLERANCE;
import static dev.tailgap.harness.stats.Reference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.reports.Estimate;
import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void exactPValueAgreesWithScipyBinomtest() {
        for (JsonNode c : Reference.cases("mcnemar")) {
            long b = c.get("b").asLong();
            long cc = c.get("c").asLong();
            double expected = c.get("p").asDouble();
            double actual = McNemar.exactPValue(b, cc);
            assertThat(c.get("doubledTail").asDouble()).isEqualTo(expected);
            if (expected > 0 && expected < 1e-6) {
                // tiny p-values: compare relative to the value itself
                assertThat(Math.abs(actual - expected) / expected).as("p(%d, %d)", b, cc).isLessThan(1e-12);
            } else {
                assertClose(expected, actual, TOLERANCE, "p(" + b + ", " + cc + ")");
            }
        }
    }

    @Test
    void exactPValueEdges() {
        assertThat(McNemar.exactPValue(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(7, 7)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 1)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 5)).isEqualTo(0.0625);
        assertThat(McNemar.exactPValue(2, 8)).isEqualTo(McNemar.exactPValue(8, 2));
        // hand-worked: P(X <= 1) for Binomial(10, 1/2) = 11/1024, doubled
        assertThat(McNemar.exactPValue(1, 9)).isCloseTo(22.0 / 1024.0, offset(1e-15));
    }

    @Test
    void pairedDifferenceAgreesWithTheReferenceImplementation() {
        for (JsonNode c : Reference.cases("paired")) {
            Estimate e = McNemar.pairedDifference(c.get("a").asLong(), c.get("b").asLong(),
                    c.get("c").asLong(), c.get("d").asLong());
            assertClose(c, e, TOLERANCE, "paired " + c);
        }
    }

    @Test
    void pairedDifferenceReproducesPublishedExample() {
        for (JsonNode c : Reference.cases("pairedPublished")) {
            Estimate e = McNemar.pairedDifference(c.get("a").asLong(), c.get("b").asLong(),
                    c.get("c").asLong(), c.get("d").asLong());
            // published to four decimals
            assertClose(c, e, 5e-5, "published " + c);
        }
    }

    @Test
    void pairedDifferenceIsFirstMinusSecond() {
        Estimate e = McNemar.pairedDifference(10, 7, 2, 5);
        assertThat(e.value()).isEqualTo(5.0 / 24.0);
        Estimate swapped = McNemar.pairedDifference(10, 2, 7, 5);
        assertClose(-e.upper(), swapped.lower(), 1e-14, "swap lower");
        assertClose(-e.lower(), swapped.upper(), 1e-14, "swap upper");
        assertThat(e.lower()).isBetween(-1.0, e.value());
        assertThat(e.upper()).isBetween(e.value(), 1.0);
    }

    @Test
    void pairedDifferenceOfEmptyTableIsUndefined() {
        assertThat(McNemar.pairedDifference(0, 0, 0, 0)).isEqualTo(Estimate.NONE);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> McNemar.exactPValue(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McNemar.pairedDifference(1, 2, -3, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
