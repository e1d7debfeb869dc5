package dev.tailgap.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.RunTotals;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The item log's totals: what counts as live, token sums, and percentiles equal to numpy's (fixture made in python). */
class TotalsCounterTest {
    private static ItemResult item(String id, Outcome outcome, String raw, long latency, int in, int out,
                                   long firstToken, boolean cached) {
        return new ItemResult(id, "Q?", List.of("a"), "c", null, 10, "b", raw, raw, outcome, raw == null ? "boom" : null,
                latency, in, out, "stop", null, null, null, firstToken, cached, 1, null, null);
    }

    @Test
    void percentilesAgreeWithNumpy() throws IOException {
        JsonNode cases;
        try (InputStream in = TotalsCounterTest.class.getResourceAsStream("/engine/percentiles.json")) {
            cases = JsonMapper.builder().build().readTree(in);
        }
        for (Map.Entry<String, JsonNode> c : cases.properties()) {
            TotalsCounter counter = new TotalsCounter();
            int i = 0;
            for (JsonNode v : c.getValue().get("values")) {
                counter.add(item("i" + i++, Outcome.CORRECT, "a", v.asLong(), 1, 1, -1, false));
            }
            RunTotals t = counter.totals();
            assertThat(t.latencyP50()).as(c.getKey()).isCloseTo(c.getValue().get("p50").asDouble(), Offset.offset(1e-9));
            assertThat(t.latencyP95()).as(c.getKey()).isCloseTo(c.getValue().get("p95").asDouble(), Offset.offset(1e-9));
            assertThat(t.latencyP99()).as(c.getKey()).isCloseTo(c.getValue().get("p99").asDouble(), Offset.offset(1e-9));
        }
    }

    @Test
    void liveAnswersCountCachedAndFailedOnesDoNot() {
        TotalsCounter c = new TotalsCounter();
        c.add(item("a", Outcome.CORRECT, "Paris", 100, 20, 3, 40, false));
        c.add(item("b", Outcome.HALLUCINATED, "Rome", 300, 22, 4, 60, false));
        c.add(item("c", Outcome.CORRECT, "Oslo", 1, 20, 3, -1, true));           // from the cache: free, no latency
        c.add(item("d", Outcome.ERROR, null, 60_000, -1, -1, -1, false));         // the endpoint failed
        c.add(item("e", Outcome.ABSTAINED, "unsure", 200, -1, -1, -1, false));    // no token counts reported
        RunTotals t = c.totals();
        assertThat(t.items()).isEqualTo(5);
        assertThat(t.live()).isEqualTo(3);
        assertThat(t.cacheHits()).isEqualTo(1);
        assertThat(t.promptTokens()).isEqualTo(42);
        assertThat(t.completionTokens()).isEqualTo(7);
        assertThat(t.tokensUnknown()).isEqualTo(1);
        assertThat(t.tokensPartial()).isTrue();
        assertThat(t.latencyP50()).isEqualTo(200);
        assertThat(t.streamed()).isEqualTo(2);
        assertThat(t.firstTokenP50()).isEqualTo(50);
        RunTotals none = new TotalsCounter().totals();
        assertThat(none.latencyP50()).isEqualTo(-1);
        assertThat(none.firstTokenP50()).isEqualTo(-1);
    }
}
