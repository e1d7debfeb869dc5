package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.plan.PlanJson;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.ReplicaShare;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run over several base URLs, against synthetic models over real loopback HTTP. */
class ReplicasTest {
    private static final SimParams OTHER = new SimParams(6.0, 1.5, 0.02, 0.95, 0.6, 7, 0);
    private static List<Item> items;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        items = DatasetFiles.items(DatasetFiles.load("world-cities", false));
    }

    private static SimServer serve(SimParams p, int port) throws IOException {
        return SimServer.start(SimModel.of(items, p), port, 8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private RunSpec spec(Path out, int limit, String... urls) {
        return RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                .target(t -> t.withBaseUrls(List.of(urls))).sampling(s -> s.withLimit(limit))
                .execution(e -> e.withConcurrency(6).withRetries(3).withRetryBackoff(Duration.ZERO)).out(out).build();
    }

    private static JsonNode specJson(Path dir) throws IOException {
        return RunDirectory.JSON.readTree(dir.resolve(RunDirectory.SPEC).toFile());
    }

    private static String fingerprint(String itemLine) {
        try {
            return RunDirectory.JSON.readTree(itemLine).path("fingerprint").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Progress that keeps the notices. */
    private static final class Notices implements Progress {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void notice(String message) {
            heard.add(message);
        }
    }

    @Test
    void requestsAreSpreadOverTheReplicasAndEachOnesShareIsRecorded() throws Exception {
        try (SimServer a = serve(SimParams.DEFAULTS, 0); SimServer b = serve(SimParams.DEFAULTS, 0)) {
            RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec(tmp.resolve("run"), 120,
                    a.baseUrl(), b.baseUrl()));
            assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(a.requests()).isPositive();
            assertThat(b.requests()).isPositive();
            assertThat(a.requests() + b.requests()).isEqualTo(120);

            JsonNode spec = specJson(r.dir());
            JsonNode shares = spec.path(RunDirectory.REPLICAS_KEY);
            assertThat(shares).hasSize(2);
            assertThat(shares.get(0).path("endpoint").asText()).isEqualTo(a.baseUrl());
            assertThat(shares.get(0).path("answered").asLong()).isEqualTo(a.requests());
            assertThat(shares.get(1).path("answered").asLong()).isEqualTo(b.requests());
            assertThat(shares.get(1).at("/served/digest").asText())
                    .isEqualTo(spec.at("/" + RunDirectory.SERVED_KEY + "/digest").asText());
            assertThat(spec.at("/" + RunDirectory.RESUME_KEY + "/target/baseUrl")).hasSize(2);
            JsonNode attempt = RunDirectory.JSON.readTree(r.dir().resolve(RunMetadataFile.FILE).toFile())
                    .at("/attempts/0/replicas");
            assertThat(attempt).hasSize(2);
            assertThat(attempt.get(0).path("requests").asLong() + attempt.get(1).path("requests").asLong())
                    .isEqualTo(120);

            // the report's run block names each replica with its share and identity, and report.json keeps them
            List<ReplicaShare> inReport = r.report().metadata().replicas();
            assertThat(inReport).extracting(ReplicaShare::endpoint).containsExactly(a.baseUrl(), b.baseUrl());
            assertThat(inReport).extracting(ReplicaShare::answered).containsExactly(a.requests(), b.requests());
            assertThat(JsonReport.parse(Files.readString(r.dir().resolve(RunDirectory.REPORT_JSON))).metadata()
                    .replicas()).isEqualTo(inReport);
            assertThat(Files.readString(r.dir().resolve(RunDirectory.REPORT_MD)))
                    .contains(b.baseUrl() + " " + b.requests() + " of " + b.requests() + " answered, served "
                            + inReport.get(1).servedDigest());
        }
    }

    /** bench/replicas.sh in miniature, no timings: the whole dataset over one replica at c and two at 2c. */
    @Test
    void twoReplicasAtTwiceTheConcurrencyGiveTheReportOfOne() throws Exception {
        try (SimServer a = serve(SimParams.DEFAULTS, 0); SimServer b = serve(SimParams.DEFAULTS, 0)) {
            RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
            RunSpec one = spec(tmp.resolve("one"), Integer.MAX_VALUE, a.baseUrl()).toBuilder()
                    .target(t -> t.withEndpointLabel("synthetic")).build();
            RunResult single = engine.run(one);
            long before = a.requests();
            RunResult pair = engine.run(one.toBuilder().target(t -> t.withBaseUrls(List.of(a.baseUrl(),
                    b.baseUrl()))).execution(e -> e.withConcurrency(12)).out(tmp.resolve("two")).build());
            assertThat(pair.exitCode()).isEqualTo(ExitCode.OK);
            long asked = single.report().overall().asked();
            assertThat(a.requests() - before + b.requests()).isEqualTo(asked);
            assertThat(b.requests()).isPositive();
            assertThat(WithoutMetadata.of(".json", Files.readString(pair.dir().resolve(RunDirectory.REPORT_JSON))))
                    .isEqualTo(WithoutMetadata.of(".json",
                            Files.readString(single.dir().resolve(RunDirectory.REPORT_JSON))));
        }
    }

    @Test
    void aReplicaServingAnotherModelStopsTheRunAndTheFixedSetResumesIt() throws Exception {
        int port = freePort();
        String other = "http://127.0.0.1:" + port + "/v1";
        Path out = tmp.resolve("mixed");
        try (SimServer a = serve(SimParams.DEFAULTS, 0)) {
            RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
            try (SimServer wrong = serve(OTHER, port)) {
                // the first item is asked alone, of the first replica: its identity is the reference
                assertThatThrownBy(() -> engine.run(spec(out, 100, a.baseUrl(), other)))
                        .isInstanceOfSatisfying(TailgapException.class,
                                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                        .hasMessageStartingWith("replica " + other + " serves another model than replica "
                                + a.baseUrl() + " (reply.system_fingerprint: tailgap-synthetic-")
                        .hasMessageContaining(" at " + a.baseUrl() + ", tailgap-synthetic-")
                        .hasMessageContaining("every --base-url must serve the same model")
                        .hasMessageContaining("items are kept in " + out)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
                assertThat(wrong.requests()).isPositive();
            }
            List<String> kept = Files.readAllLines(out.resolve(RunDirectory.ITEMS));
            assertThat(kept.size()).isLessThan(100).isLessThanOrEqualTo((int) a.requests());
            assertThat(kept.stream().map(ReplicasTest::fingerprint).distinct())
                    .as("only the reference replica's answers are kept").hasSize(1);
            try (SimServer fixed = serve(SimParams.DEFAULTS, port)) {
                RunResult r = engine.run(RunSpecFile.read(out));
                assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
                assertThat(r.resumed()).isEqualTo(kept.size());
                assertThat(r.report().overall().asked()).isEqualTo(100);
            }
        }
    }

    @Test
    void aDeadReplicaIsSurvivedAndSaidOnce() throws Exception {
        String dead = "http://127.0.0.1:" + freePort() + "/v1";
        try (SimServer a = serve(SimParams.DEFAULTS, 0)) {
            for (boolean deadFirst : new boolean[] {false, true}) {
                Notices notices = new Notices();
                long before = a.requests();
                List<String> urls = deadFirst ? List.of(dead, a.baseUrl()) : List.of(a.baseUrl(), dead);
                RunResult r = new RunEngine(tmp, notices, k -> null).run(spec(tmp.resolve("dead-" + deadFirst), 60,
                        urls.toArray(String[]::new)));
                assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
                assertThat(r.report().overall().asked()).isEqualTo(60);
                assertThat(r.report().overall().errors()).isZero();
                assertThat(a.requests() - before).isEqualTo(60);
                assertThat(notices.heard).filteredOn(n -> n.startsWith("replica " + dead + " is not answering"))
                        .hasSize(1);
                JsonNode shares = specJson(r.dir()).path(RunDirectory.REPLICAS_KEY);
                JsonNode deadShare = shares.get(urls.indexOf(dead));
                assertThat(deadShare.path("answered").asLong()).isZero();
                assertThat(deadShare.path("requests").asLong()).isPositive();
            }
        }
    }

    @Test
    void whenEveryReplicaIsDownTheRunStopsAsForOneEndpoint() throws Exception {
        String one = "http://127.0.0.1:" + freePort() + "/v1";
        String two = "http://127.0.0.1:" + freePort() + "/v1";
        assertThatThrownBy(() -> new RunEngine(tmp, Progress.NONE, k -> null).run(spec(tmp.resolve("down"), 30,
                one, two))).isInstanceOfSatisfying(TailgapException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENDPOINT));
    }

    @Test
    void aResumedRunAsksTheSameReplicas() throws Exception {
        Path out = tmp.resolve("resume");
        try (SimServer a = serve(SimParams.DEFAULTS, 0); SimServer b = serve(SimParams.DEFAULTS, 0)) {
            RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
            engine.run(spec(out, 90, a.baseUrl(), b.baseUrl()));
            Crashes.crashAfter(out, 30, "");
            RunSpec recorded = RunSpecFile.read(out);
            assertThat(recorded.target().baseUrls()).containsExactly(a.baseUrl(), b.baseUrl());
            long before = a.requests() + b.requests();
            long beforeB = b.requests();
            RunResult r = engine.run(recorded);
            assertThat(r.resumed()).isEqualTo(30);
            assertThat(a.requests() + b.requests() - before).isEqualTo(60);
            assertThat(b.requests() - beforeB).isPositive();
        }
    }

    @Test
    void theSpecFileRecordsEveryReplicaWithoutCredentialsAndReadsAnOldSingleUrl() throws Exception {
        Path dir = tmp.resolve("spec");
        Files.createDirectories(dir);
        RunSpec plan = spec(dir, 10, "http://10.0.0.1:8000/v1", "https://u:pw@10.0.0.2:8000/v1?key=abc");
        Map<String, Object> section = RunSpecFile.toMap(plan, "bundled:world-cities");
        String json = PlanJson.MAPPER.writeValueAsString(Map.of("spec", section));
        assertThat(json).doesNotContain("pw", "abc").contains("\"baseUrl\":[\"http://10.0.0.1:8000/v1\","
                + "\"https://10.0.0.2:8000/v1\"]", "\"baseUrlRedacted\":true");
        Files.writeString(dir.resolve(RunDirectory.SPEC), json);
        assertThat(RunSpecFile.read(dir).target().baseUrls())
                .containsExactly("http://10.0.0.1:8000/v1", "https://10.0.0.2:8000/v1");

        RunSpec single = spec(dir, 10, "http://10.0.0.1:8000/v1");
        json = PlanJson.MAPPER.writeValueAsString(Map.of("spec", RunSpecFile.toMap(single, "bundled:world-cities")));
        assertThat(json).as("one URL is recorded as before").contains("\"baseUrl\":\"http://10.0.0.1:8000/v1\"");
        Files.writeString(dir.resolve(RunDirectory.SPEC), json);
        assertThat(RunSpecFile.read(dir).target()).isEqualTo(single.target());
        Files.writeString(dir.resolve(RunDirectory.SPEC), json.replace("\"http://10.0.0.1:8000/v1\"", "null"));
        assertThat(RunSpecFile.read(dir).target().baseUrls()).as("the provider's default, as recorded before")
                .isEmpty();
    }
}
