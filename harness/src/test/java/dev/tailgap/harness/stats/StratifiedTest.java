package dev.tailgap.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.reports.Estimate;
import org.junit.jupiter.api.Test;

class StratifiedTest {

    @Test
    void agreesWithTheStatsmodelsReference() {
        for (JsonNode c : Reference.cases("stratified")) {
            Estimate e = Stratified.ratio(longs(c.get("sizes")), longs(c.get("n")), longs(c.get("den")),
                    longs(c.get("num")));
            String what = c.toString();
            if (c.get("estimate").isNull()) {
                assertThat(e.defined()).as(what).isFalse();
            } else {
                Reference.assertClose(c.get("estimate"), e, 1e-12, what);
            }
        }
    }

    @Test
    void oneStratumIsThePooledWilsonInterval() {
        Estimate pooled = Proportions.wilson(13, 40);
        Estimate one = Stratified.proportion(new long[] {100}, new long[] {40}, new long[] {13});
        Reference.assertClose(pooled.lower(), one.lower(), 1e-14, "lower");
        Reference.assertClose(pooled.upper(), one.upper(), 1e-14, "upper");
        assertThat(one.value()).isEqualTo(pooled.value());
    }

    @Test
    void weightsByDatasetSizeNotBySampleSize() {
        // a census of a small head that is always right, and a large tail sampled at 100 that is mostly wrong
        Estimate e = Stratified.proportion(new long[] {33, 1719}, new long[] {33, 100}, new long[] {33, 10});
        assertThat(e.value()).isCloseTo((33 + 1719 * 0.1) / 1752.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat((double) (33 + 10) / 133).isGreaterThan(e.upper());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Stratified.ratio(new long[] {1}, new long[] {2}, new long[] {1}, new long[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num <= den <= n");
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }
}
