package dev.tailgap.harness.stats;

import static dev.tailgap.harness.stats.Reference.TOLERANCE;
import static dev.tailgap.harness.stats.Reference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.reports.Estimate;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void zMatchesTheFixture() {
        assertThat(Proportions.Z).isEqualTo(Reference.z());
    }

    @Test
    void wilsonAgreesWithScipy() {
        for (JsonNode c : Reference.cases("wilson")) {
            long k = c.get("k").asLong();
            long n = c.get("n").asLong();
            assertClose(c, Proportions.wilson(k, n), TOLERANCE, "wilson " + k + "/" + n);
        }
    }

    @Test
    void wilsonIsExactAtTheEdges() {
        for (long n : new long[] {1, 2, 7, 1000, 1_000_000, 1_000_000_000_000L}) {
            Estimate none = Proportions.wilson(0, n);
            assertThat(none.value()).isEqualTo(0.0);
            assertThat(none.lower()).isEqualTo(0.0);
            assertThat(none.upper()).isGreaterThan(0.0).isLessThan(1.0);
            Estimate all = Proportions.wilson(n, n);
            assertThat(all.value()).isEqualTo(1.0);
            assertThat(all.upper()).isEqualTo(1.0);
            assertThat(all.lower()).isGreaterThan(0.0).isLessThan(1.0);
        }
    }

    @Test
    void wilsonIsSymmetricAndContainsTheEstimate() {
        for (long n = 1; n <= 60; n++) {
            for (long k = 0; k <= n; k++) {
                Estimate e = Proportions.wilson(k, n);
                Estimate mirror = Proportions.wilson(n - k, n);
                assertThat(e.lower()).isLessThanOrEqualTo(e.value());
                assertThat(e.upper()).isGreaterThanOrEqualTo(e.value());
                assertClose(1.0 - mirror.upper(), e.lower(), 1e-14, "mirror lower " + k + "/" + n);
                assertClose(1.0 - mirror.lower(), e.upper(), 1e-14, "mirror upper " + k + "/" + n);
            }
        }
    }

    @Test
    void emptySampleHasNoEstimate() {
        assertThat(Proportions.wilson(0, 0)).isEqualTo(Estimate.NONE);
        assertThat(Proportions.newcombe(0, 0, 3, 5)).isEqualTo(Estimate.NONE);
        assertThat(Proportions.newcombe(3, 5, 0, 0)).isEqualTo(Estimate.NONE);
    }

    @Test
    void newcombeAgreesWithTheReferenceImplementation() {
        for (JsonNode c : Reference.cases("newcombe")) {
            Estimate e = Proportions.newcombe(c.get("x1").asLong(), c.get("n1").asLong(),
                    c.get("x2").asLong(), c.get("n2").asLong());
            assertClose(c, e, TOLERANCE, "newcombe " + c);
        }
    }

    @Test
    void newcombeReproducesPublishedTableII() {
        for (JsonNode c : Reference.cases("newcombePublished")) {
            Estimate e = Proportions.newcombe(c.get("x1").asLong(), c.get("n1").asLong(),
                    c.get("x2").asLong(), c.get("n2").asLong());
            // published to four decimals
            assertClose(c.get("lower").asDouble(), e.lower(), 5e-5, "published lower " + c);
            assertClose(c.get("upper").asDouble(), e.upper(), 5e-5, "published upper " + c);
        }
    }

    @Test
    void newcombeIsAntisymmetricAndBounded() {
        for (long n1 = 1; n1 <= 12; n1++) {
            for (long n2 = 1; n2 <= 12; n2 += 3) {
                for (long x1 = 0; x1 <= n1; x1++) {
                    for (long x2 = 0; x2 <= n2; x2++) {
                        Estimate e = Proportions.newcombe(x1, n1, x2, n2);
                        Estimate swapped = Proportions.newcombe(x2, n2, x1, n1);
                        assertThat(e.lower()).isBetween(-1.0, e.value());
                        assertThat(e.upper()).isBetween(e.value(), 1.0);
                        assertClose(-swapped.upper(), e.lower(), 1e-14, "swap");
                        assertClose(-swapped.lower(), e.upper(), 1e-14, "swap");
                    }
                }
            }
        }
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Proportions.wilson(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.newcombe(1, 2, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
