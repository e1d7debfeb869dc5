package dev.tailgap.harness.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.stats.Proportions;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.Trend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unpaired change of a trend step (runs on different datasets) against statsmodels' Newcombe interval for two
 * independent proportions ({@code src/test/python/trend_reference.py}), and when it is called significant.
 */
class TrendBuilderTest {
    static RunEntry entry(String sha, long correct, long n) {
        Estimate a = Proportions.wilson(correct, n);
        return new RunEntry(Path.of("/runs/" + sha), "d@1", sha, "m", null, null, Instant.EPOCH,
                RunEntry.Status.COMPLETE, n, (int) n, (int) n, a, "head", a, "tail", a, Estimate.NONE, Map.of(), null,
                "");
    }

    @Test
    void independentRunsAreComparedByNewcombesIntervalAsStatsmodelsComputesIt() throws IOException {
        JsonNode cases;
        try (InputStream in = TrendBuilderTest.class.getResourceAsStream("/history/trend_reference.json")) {
            cases = new ObjectMapper().readTree(in).get("newcombe");
        }
        assertThat(cases).hasSize(6);
        for (JsonNode c : cases) {
            RunEntry later = entry("b", c.get("later").get(0).asLong(), c.get("later").get(1).asLong());
            RunEntry earlier = entry("a", c.get("earlier").get(0).asLong(), c.get("earlier").get(1).asLong());
            Trend.Step step = TrendBuilder.step(earlier, later, "t");
            assertThat(step.paired()).isFalse();
            assertThat(step.note()).startsWith("the runs used different datasets");
            Trend.Change overall = step.change(Trend.Metric.OVERALL);
            assertThat(overall.difference().value()).isCloseTo(c.get("difference").asDouble(), within(1e-12));
            assertThat(overall.difference().lower()).as("%s", c).isCloseTo(c.get("lower").asDouble(), within(1e-12));
            assertThat(overall.difference().upper()).as("%s", c).isCloseTo(c.get("upper").asDouble(), within(1e-12));
            boolean excludesZero = c.get("lower").asDouble() > 0 || c.get("upper").asDouble() < 0;
            assertThat(overall.significant()).isEqualTo(excludesZero);
            assertThat(overall.pValue()).isNaN();
            assertThat(step.change(Trend.Metric.GAP).significant()).isFalse(); // both gaps undefined
        }
    }

    @Test
    void aRunWithoutHeadAndTailGetsOnlyTheOverallChange() {
        RunEntry a = entry("a", 10, 40);
        RunEntry full = entry("b", 30, 40);
        RunEntry none = new RunEntry(full.dir(), "d@1", "b", "m", null, null, Instant.EPOCH, RunEntry.Status.COMPLETE,
                40, 40, 40, full.overall(), null, Estimate.NONE, null, Estimate.NONE, Estimate.NONE, Map.of(), null,
                "");
        Trend.Step step = TrendBuilder.step(a, none, "t");
        assertThat(step.changes()).extracting(Trend.Change::metric).containsExactly(Trend.Metric.OVERALL);
        assertThat(step.significant()).isTrue();
        assertThat(step.note()).contains("a run has no head and tail bucket");
    }
}
