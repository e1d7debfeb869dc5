package dev.tailgap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.Manifest;
import dev.tailgap.harness.cli.Main;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small end-to-end benchmark run as a correctness smoke: the CLI ({@code tailgap run}) asks 200 generated items of
 * the synthetic model served on loopback with a 5 ms latency at concurrency 16, as bench/e2e.sh does at full size.
 * Checks the run completed with every item asked exactly once and reported; asserts no timing.
 */
class EndToEndSmokeTest {
    private static final int N = 200;

    @TempDir
    Path dir;

    @Test
    void aRunAgainstTheSyntheticEndpointCompletesWithEveryItem() throws IOException {
        List<Item> items = Corpus.items(Corpus.Mix.MIXED, N, 5);
        Path data = dir.resolve("smoke.jsonl");
        DatasetWriter.writeAll(data, new Manifest("smoke", "1", "", "CC0-1.0", "", "", "synthetic", "log10"), items);
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code;
        try (SimServer server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS.withLatencyMs(5)), 0, 32)) {
            code = Main.execute(new String[] {"run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url",
                server.baseUrl(), "-d", data.toString(), "-c", "16", "--out", out.toString(), "--no-cache", "-q"},
                    new PrintWriter(stdout), new PrintWriter(stderr));
            assertThat(server.requests()).as("requests served").isEqualTo(N);
        }
        assertThat(code).as(stderr.toString()).isZero();

        List<ItemResult> results;
        try (ItemLog.Reader reader = ItemLog.read(out.resolve("items.jsonl"))) {
            results = reader.stream().toList();
        }
        Set<String> ids = results.stream().map(ItemResult::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(results).hasSize(N);
        assertThat(ids).isEqualTo(items.stream().map(Item::id).collect(Collectors.toCollection(TreeSet::new)));

        Report report = JsonReport.parse(Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
        assertThat(report.overall().asked()).isEqualTo(N);
        assertThat(report.overall().errors()).isZero();
        assertThat(report.overall().correct() + report.overall().hallucinated() + report.overall().abstained())
                .isEqualTo(N);
        assertThat(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8)).contains("smoke");
    }
}
