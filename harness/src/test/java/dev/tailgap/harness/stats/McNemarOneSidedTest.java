package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The one-sided exact McNemar p-value against scipy ({@code src/test/python/mcnemar_one_sided_reference.py}). */
class McNemarOneSidedTest {

    @Test
    void agreesWithScipyBinomtestGreater() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/stats/mcnemar-one-sided.json")) {
            cases = new ObjectMapper().readTree(in).get("mcnemarOneSided");
        }
        assertThat(cases).isNotEmpty();
        for (JsonNode c : cases) {
            long b = c.get("b").asLong();
            long cc = c.get("c").asLong();
            double expected = c.get("p").asDouble();
            double actual = McNemar.exactPValueOneSided(b, cc);
            if (expected > 0 && expected < 1e-6) {
                assertThat(Math.abs(actual - expected) / expected).as("p(%d, %d)", b, cc).isLessThan(1e-12);
            } else {
                Reference.assertClose(expected, actual, 1e-13, "p(" + b + ", " + cc + ")");
            }
        }
    }

    @Test
    void isHalfTheTwoSidedValueInTheDirectionOfTheDifference() {
        assertThat(McNemar.exactPValueOneSided(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.exactPValueOneSided(0, 7)).isEqualTo(1.0);
        // hand-worked: P(X >= 9) for Binomial(10, 1/2) = 11/1024
        assertThat(McNemar.exactPValueOneSided(9, 1)).isCloseTo(11.0 / 1024.0, offset(1e-15));
        assertThat(McNemar.exactPValueOneSided(9, 1)).isCloseTo(McNemar.exactPValue(9, 1) / 2, offset(1e-15));
        assertThat(McNemar.exactPValueOneSided(1, 9)).isCloseTo(1 - 1.0 / 1024.0, offset(1e-15));
        assertThatThrownBy(() -> McNemar.exactPValueOneSided(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
