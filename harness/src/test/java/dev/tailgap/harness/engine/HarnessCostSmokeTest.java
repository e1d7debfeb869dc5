package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.compare.RunComparer;
import dev.tailgap.harness.gate.Gate;
import dev.tailgap.harness.gate.Rule;
import dev.tailgap.harness.gate.RunResults;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks of bench/harness-cost.sh in miniature (no timings): a whole dataset at concurrency 64 and at 512
 * against a loopback server with as many threads, every item asked once and recorded once; then the streamed paths a
 * large run takes afterwards (report, gate against a baseline, compare) agree with the run's own report.
 */
class HarnessCostSmokeTest {
    private static Dataset dataset;
    private static SimServer server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        dataset = DatasetFiles.load("world-cities", false);
        List<Item> items = DatasetFiles.items(dataset);
        server = SimServer.start(SimModel.of(items, new SimParams(SimParams.DEFAULTS.midpoint(),
                SimParams.DEFAULTS.steepness(), SimParams.DEFAULTS.floor(), SimParams.DEFAULTS.ceiling(),
                SimParams.DEFAULTS.hallucinationShare(), SimParams.DEFAULTS.seed(), 2)), 0, 512);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private static RunResult run(String name, int concurrency) {
        long before = server.requests();
        RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(RunSpec.builder().dataset("world-cities")
                .model("openai:" + SimServer.MODEL_ID).target(t -> t.withBaseUrl(server.baseUrl()))
                .execution(e -> e.withConcurrency(concurrency)).out(tmp.resolve(name)).build());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(server.requests() - before).as("requests at concurrency %d", concurrency)
                .isEqualTo(dataset.size());
        return r;
    }

    @Test
    void runsAtModestAndHighConcurrencyAskEveryItemOnceAndTheStreamedReadersAgree() throws Exception {
        RunResult modest = run("c64", 64);
        RunResult high = run("c512", 512);
        for (RunResult r : List.of(modest, high)) {
            assertThat(Files.readAllLines(r.dir().resolve(RunDirectory.ITEMS))).hasSize(dataset.size());
            assertThat(r.report().overall().asked()).isEqualTo(dataset.size());
        }
        // the synthetic model answers an item the same way at any concurrency
        assertThat(WithoutMetadata.of(".json", Files.readString(high.dir().resolve(RunDirectory.REPORT_JSON))))
                .isEqualTo(WithoutMetadata.of(".json", Files.readString(modest.dir().resolve(RunDirectory.REPORT_JSON))));

        Report streamed = RunReports.report(modest.dir(), Version.tool(), false);
        assertThat(JsonReport.render(streamed))
                .isEqualTo(Files.readString(modest.dir().resolve(RunDirectory.REPORT_JSON)));

        GateReport gate = Gate.evaluate(List.of(Rule.parse("tail.accuracy.drop <= 0.02", "test")),
                RunResults.read(high.dir()), RunResults.read(modest.dir()), Gate.DEFAULT_ALPHA);
        assertThat(gate.passed()).isTrue();

        Comparison c = RunComparer.compare(List.of(modest.dir(), high.dir()), Version.tool());
        Comparison.PairedBucket all = c.pairs().get(0).overall();
        assertThat(all.pairs()).isEqualTo(dataset.size());
        assertThat(all.baselineOnly() + all.otherOnly()).isZero();
        assertThat(all.unpaired()).isZero();
        assertThat(c.disagreements().total()).isZero();
    }
}
