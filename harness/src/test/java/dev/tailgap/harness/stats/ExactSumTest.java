package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    @Test
    void sumsWithoutRounding() {
        ExactSum sum = new ExactSum();
        sum.add(1e16);
        sum.add(1.0);
        sum.add(-1e16);
        sum.add(0.1);
        assertThat(sum.value()).isEqualByComparingTo(BigDecimal.ONE.add(new BigDecimal(0.1)));
    }

    @Test
    void squaresAreExact() {
        ExactSum sum = new ExactSum();
        sum.addSquare(0.1);
        sum.addSquare(-3.0);
        sum.addSquare(Double.MIN_VALUE);
        BigDecimal tenth = new BigDecimal(0.1);
        BigDecimal tiny = new BigDecimal(Double.MIN_VALUE);
        assertThat(sum.value()).isEqualByComparingTo(
                tenth.multiply(tenth).add(BigDecimal.valueOf(9)).add(tiny.multiply(tiny)));
    }

    @Test
    void orderAndGroupingDoNotMatter() {
        double[] values = {0.3010299956639812, -2.5, 7.000000000000001, 1e-17, 308.25, -0.1, 4.9e-324};
        ExactSum forward = new ExactSum();
        for (double v : values) {
            forward.add(v);
        }
        ExactSum left = new ExactSum();
        ExactSum right = new ExactSum();
        for (int i = values.length - 1; i >= 0; i--) {
            (i < 3 ? left : right).add(values[i]);
        }
        right.add(left);
        assertThat(right.value()).isEqualByComparingTo(forward.value());
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            exact = exact.add(new BigDecimal(v));
        }
        assertThat(forward.value()).isEqualByComparingTo(exact);
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThatThrownBy(() -> new ExactSum().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExactSum().addSquare(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
