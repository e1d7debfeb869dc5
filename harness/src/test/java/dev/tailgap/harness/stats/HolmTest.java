package dev.tailgap.harness.stats;

import static dev.tailgap.harness.stats.Reference.TOLERANCE;
import static dev.tailgap.harness.stats.Reference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void agreesWithTheReferenceLoop() {
        for (JsonNode c : Reference.cases("holm")) {
            double[] p = toArray(c.get("p"));
            double[] expected = toArray(c.get("adjusted"));
            double[] actual = Holm.adjust(p);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < p.length; i++) {
                assertClose(expected[i], actual[i], TOLERANCE, "holm " + c + " [" + i + "]");
            }
        }
    }

    @Test
    void handWorkedExample() {
        // sorted 0.005, 0.01, 0.03, 0.04 -> 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 0.04) = 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, offset(1e-15));
    }

    @Test
    void monotoneCappedAndInputUntouched() {
        double[] p = {0.5, 0.6, 0.001, 0.2};
        double[] copy = p.clone();
        double[] adjusted = Holm.adjust(p);
        assertThat(p).containsExactly(copy);
        assertThat(adjusted).containsExactly(1.0, 1.0, 0.004, 0.6000000000000001);
        assertThat(Holm.adjust(new double[0])).isEmpty();
        assertThat(Holm.adjust(new double[] {0.04})).containsExactly(0.04);
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Holm.adjust(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holm.adjust(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] toArray(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }
}
