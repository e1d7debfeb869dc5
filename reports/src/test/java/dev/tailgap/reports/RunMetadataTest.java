package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Run metadata: read back from report.json as written, and the same rows in Markdown, HTML and on the terminal. */
class RunMetadataTest {
    @Test
    void reportJsonRoundTripsTheMetadataAndKeepsItLast() {
        Report r = ReportFixtures.withMetadata();
        String json = JsonReport.render(r);
        RunMetadata back = JsonReport.parse(json).metadata();
        assertThat(back.totals()).isEqualTo(r.metadata().totals());
        assertThat(back.withCost(null)).isEqualTo(r.metadata().withCost(null));
        assertThat(back.cost().usd()).isEqualTo(0.002592); // six decimals, as every JSON rate
        assertThat(JsonReport.render(JsonReport.parse(json))).isEqualTo(json);
        assertThat(json.lastIndexOf("\"metadata\"")).isGreaterThan(json.lastIndexOf("\"integrity\""));
        assertThat(JsonReport.parse(JsonReport.render(ReportFixtures.standard())).metadata()).isNull();
    }

    @Test
    void costIsThePricedLiveTokensAndALowerBoundWhenCountsAreMissing() {
        RunTotals t = new RunTotals(10, 8, 2, 2_000_000, 500_000, 0, 10, 20, 30, 0, -1);
        Cost c = Cost.of(t, new Prices(0.15, 0.6));
        assertThat(c.usd()).isEqualTo(0.6);
        assertThat(c.lowerBound()).isFalse();
        assertThat(Cost.of(ReportFixtures.withMetadata().metadata().totals(), new Prices(1, 1)).lowerBound()).isTrue();
        assertThatThrownBy(() -> new Prices(-1, 0)).hasMessageContaining("finite and at least 0");
    }

    @Test
    void rowsSayEveryFigureInWords() {
        Report r = ReportFixtures.withMetadata();
        List<String> rows = RunMetadataRows.of(r.metadata(), r.tool()).stream()
                .map(x -> x.label() + ": " + x.value()).toList();
        assertThat(rows).containsExactly(
                "started: 2026-03-01T09:15:02Z",
                "ended: 2026-03-01T09:17:40Z",
                "duration: 2 min 31 s asking, over 2 attempts",
                "tool: tailgap 0.1.0",
                "requests: 312 (12 retries)",
                "answers: 300 from the endpoint, 40 from the response cache",
                "tokens: 12,345 prompt + 1,234 completion (at least: 3 answers without a count)",
                "latency: p50 119 ms, p95 343 ms, p99 801 ms",
                "first token: p50 45 ms (280 streamed answers)",
                "cost: at least $0.002592 at $0.15 / $0.60 per million prompt / completion tokens");
    }

    @Test
    void dollarsKeepCentsAndFourSignificantDigitsBelowACent() {
        assertThat(RunMetadataRows.usd(0)).isEqualTo("$0.00");
        assertThat(RunMetadataRows.usd(0.6)).isEqualTo("$0.60");
        assertThat(RunMetadataRows.usd(0.0025921)).isEqualTo("$0.002592");
        assertThat(RunMetadataRows.usd(1234.5)).isEqualTo("$1,234.50");
    }

    @Test
    void htmlHasOneEscapedTableAndNothingWithoutMetadata() {
        Report r = ReportFixtures.withMetadata();
        String html = HtmlReport.render(r, ItemSource.of(ReportFixtures.items()));
        assertThat(html).contains("<section id=\"run-metadata\">")
                .contains("<tr><th scope=\"row\">requests</th><td>312 (12 retries)</td></tr>");
        assertThat(HtmlReport.render(ReportFixtures.standard(), ItemSource.of(ReportFixtures.items()))).doesNotContain("run-metadata");
    }
}
