package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PairedMarginTest {

    @Test
    void tangoScoreAgreesWithANumericalRestrictedMaximumLikelihood() {
        for (JsonNode c : Reference.cases("pairedMargin")) {
            long b = c.get("b").asLong();
            long cc = c.get("c").asLong();
            long n = c.get("n").asLong();
            double margin = c.get("margin").asDouble();
            String what = c.toString();
            Reference.assertClose(Reference.num(c, "z"), PairedMargin.score(b, cc, n, margin), 1e-9, what + " z");
            Reference.assertClose(Reference.num(c, "pAbove"), PairedMargin.pAbove(b, cc, n, margin), 1e-9,
                    what + " p above");
            Reference.assertClose(Reference.num(c, "pBelow"), PairedMargin.pBelow(b, cc, n, margin), 1e-9,
                    what + " p below");
        }
    }

    @Test
    void atZeroMarginItIsMcNemarsStatistic() {
        assertThat(PairedMargin.score(9, 4, 100, 0.0)).isCloseTo(5 / Math.sqrt(13),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void powerGrowsWithPairsAndIsJustUnderAlphaAtTheMargin() {
        double small = PairedMargin.power(100, 0.02, 0.12, 0.2, 0.05);
        double large = PairedMargin.power(1000, 0.02, 0.12, 0.2, 0.05);
        assertThat(large).isGreaterThan(small);
        // at the margin the corrected test rejects a little less than alpha of the time
        assertThat(PairedMargin.power(300, 0.02, 0.02, 0.2, 0.05)).isLessThan(0.05).isGreaterThan(0.04);
    }
}
