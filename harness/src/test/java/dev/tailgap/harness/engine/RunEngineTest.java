package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline over real loopback HTTP against the synthetic model, whose truth is known. */
class RunEngineTest {
    private static Dataset dataset;
    private static List<Item> items;
    private static SimServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        dataset = DatasetFiles.load("world-cities", false);
        items = DatasetFiles.items(dataset);
        server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS), 0, 32);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private RunSpec.Builder spec(Path out) {
        return RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic")).execution(e -> e.withConcurrency(8)).out(out);
    }

    @Test
    void headAccuracyExceedsTailAsTheSyntheticModelIsConfigured() throws Exception {
        long before = server.requests();
        RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec(tmp.resolve("a")).build());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(server.requests() - before).isEqualTo(dataset.size());
        Report report = r.report();
        assertThat(report.overall().asked()).isEqualTo(dataset.size());
        assertThat(report.overall().errors()).isZero();

        // every bucket's accuracy agrees with the model's known probability of knowing its items
        Bucketing bucketing = dev.tailgap.datasets.BucketScheme.parse(dataset.manifest().bucketing())
                .apply(dataset.frequencies());
        for (int b = 0; b < report.buckets().size(); b++) {
            BucketStats s = report.buckets().get(b);
            final int bucket = b;
            double expected = items.stream().filter(i -> bucketing.assign(i.frequency()) == bucket)
                    .mapToDouble(i -> SimParams.DEFAULTS.pKnow(i.frequency())).average().orElse(Double.NaN);
            if (s.n() >= 30) {
                double se = Math.sqrt(expected * (1 - expected) / s.n());
                assertThat(s.accuracy().value()).as("bucket %s", s.name())
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(4 * se));
            }
        }
        BucketStats head = report.buckets().stream().filter(b -> b.name().equals(report.gap().head())).findFirst().orElseThrow();
        BucketStats tail = report.buckets().stream().filter(b -> b.name().equals(report.gap().tail())).findFirst().orElseThrow();
        assertThat(head.accuracy().lower()).isGreaterThan(tail.accuracy().upper());
        assertThat(report.gap().accuracy().lower()).isGreaterThan(0.5);
        assertThat(report.gap().hallucination().lower()).isGreaterThan(0);
        assertThat(report.slope().lower()).isGreaterThan(0);
        for (BucketStats s : report.buckets()) {
            if (s.n() > 0) {
                assertThat(s.correct() + s.hallucinated() + s.abstained()).isEqualTo(s.n());
            }
        }
    }

    @Test
    void sameInputsGiveByteIdenticalReportsAndTheSavedRunRebuildsThem() throws Exception {
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        RunResult a = engine.run(spec(tmp.resolve("a")).sampling(s -> s.withPerBucket(60)).execution(e -> e.withConcurrency(16)).build());
        RunResult b = engine.run(spec(tmp.resolve("b")).sampling(s -> s.withPerBucket(60)).execution(e -> e.withConcurrency(3)).build());
        for (String f : List.of(RunDirectory.REPORT_JSON, RunDirectory.REPORT_MD)) {
            assertThat(WithoutMetadata.of(f, Files.readString(a.dir().resolve(f)))).as(f)
                    .isEqualTo(WithoutMetadata.of(f, Files.readString(b.dir().resolve(f))));
        }
        // the run's identity is the same; only how it ran (concurrency) differs
        JsonNode specA = RunDirectory.JSON.readTree(a.dir().resolve(RunDirectory.SPEC).toFile());
        JsonNode specB = RunDirectory.JSON.readTree(b.dir().resolve(RunDirectory.SPEC).toFile());
        assertThat(specA.path(RunDirectory.RESUME_KEY).path("execution").path("concurrency").asInt()).isEqualTo(16);
        ((ObjectNode) specA).remove(RunDirectory.RESUME_KEY);
        ((ObjectNode) specB).remove(RunDirectory.RESUME_KEY);
        assertThat(specA).isEqualTo(specB);
        Report rebuilt = SavedRun.read(a.dir()).report(a.dir(), Version.tool());
        assertThat(JsonReport.render(rebuilt)).isEqualTo(Files.readString(a.dir().resolve(RunDirectory.REPORT_JSON)));
        assertThat(a.report().buckets()).allSatisfy(s -> assertThat(s.asked()).isLessThanOrEqualTo(60));
    }

    @Test
    void aRerunResumesWithoutAskingFinishedItemsAgain() throws Exception {
        Path out = tmp.resolve("resume");
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        RunResult full = engine.run(spec(out).sampling(s -> s.withLimit(300)).build());
        String report = Files.readString(out.resolve(RunDirectory.REPORT_JSON));

        // keep the first 120 results and a torn line, as a crash mid-write would leave them
        Path log = out.resolve(RunDirectory.ITEMS);
        Crashes.crashAfter(out, 120, Files.readAllLines(log).get(120).substring(0, 25));
        long before = server.requests();
        RunResult resumed = engine.run(spec(out).sampling(s -> s.withLimit(300)).build());
        assertThat(server.requests() - before).isEqualTo(300 - 120);
        assertThat(resumed.resumed()).isEqualTo(120);
        assertThat(Files.readAllLines(log)).hasSize(300);
        assertThat(WithoutMetadata.of(".json", Files.readString(out.resolve(RunDirectory.REPORT_JSON))))
                .isEqualTo(WithoutMetadata.of(".json",
                        report.replace("\"fromEarlierAttempts\": 0", "\"fromEarlierAttempts\": 120")));
        // the metadata add the attempts up: requests of both, the item log's totals
        assertThat(resumed.report().metadata().attempts()).isEqualTo(2);
        assertThat(resumed.report().metadata().requests()).isEqualTo(300 + 180);
        assertThat(resumed.report().metadata().totals().live()).isEqualTo(300);
        assertThat(full.report().overall().asked()).isEqualTo(300);

        // a finished run is never resumed: the same command starts a new run beside it
        before = server.requests();
        RunResult again = engine.run(spec(out).sampling(s -> s.withLimit(300)).build());
        assertThat(again.dir()).isEqualTo(tmp.resolve("resume-2"));
        assertThat(again.resumed()).isZero();
        assertThat(again.warnings()).anySatisfy(w -> assertThat(w).contains("holds a finished run")
                .contains("resume-2"));
        assertThat(server.requests() - before).isEqualTo(300);
    }

    @Test
    void aDirectoryHoldingAnotherRunIsRefused() throws Exception {
        Path out = tmp.resolve("taken");
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        engine.run(spec(out).sampling(s -> s.withLimit(20)).build());
        Crashes.markRunning(out);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(spec(out).sampling(s -> s.withLimit(21)).build()))
                .hasMessageContaining("holds a different run");
    }

    @Test
    void settingsCarryNoSecretsAndNameTheEndpointWithoutCredentials() {
        assertThat(RunSettings.redact("http://user:pw@host:8000/v1?key=abc")).isEqualTo("http://host:8000/v1");
        Map<String, Object> s = RunSettings.of(spec(tmp).target(t -> t.withApiKeyEnv("MY_KEY")).build(), dataset,
                dev.tailgap.harness.scoring.RuleScorer.contains());
        assertThat(s).containsEntry("apiKeyEnv", "MY_KEY").containsEntry("endpoint", "synthetic");
    }
}
