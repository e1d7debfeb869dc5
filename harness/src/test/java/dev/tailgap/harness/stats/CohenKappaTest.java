package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Kappa against scikit-learn and statsmodels ({@code src/test/python/kappa_reference.py} wrote the fixture). */
class CohenKappaTest {

    @Test
    void matchesScikitLearnAndStatsmodels() throws Exception {
        int rows = 0;
        try (InputStream in = CohenKappaTest.class.getResourceAsStream("/stats/kappa.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                CohenKappa k = CohenKappa.of(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]));
                assertThat(k.kappa()).as(line).isCloseTo(Double.parseDouble(f[4]), within(1e-12))
                        .isCloseTo(Double.parseDouble(f[5]), within(1e-12));
                assertThat(k.standardError()).as(line).isCloseTo(Double.parseDouble(f[6]), within(1e-12));
                assertThat(k.low()).as(line).isCloseTo(Double.parseDouble(f[7]), within(1e-9));
                assertThat(k.high()).as(line).isCloseTo(Double.parseDouble(f[8]), within(1e-9));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(8);
    }

    @Test
    void isUndefinedWhenBothRatersUseOneCategory() {
        assertThat(CohenKappa.of(0, 0, 0, 12).kappa()).isNaN();
        assertThat(CohenKappa.of(0, 0, 0, 0).kappa()).isNaN();
    }
}
