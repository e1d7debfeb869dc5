package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silently wrong number, over real loopback HTTP: a model swapped behind the same URL is asked again, not replayed
 * from the cache or a finished run; truncated answers are counted and gateable; one refused item does not end a run;
 * answers never carry a key to disk.
 */
class IntegrityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<ItemResult> items(Path dir) throws IOException {
        try (ItemLog.Reader r = ItemLog.read(dir.resolve("items.jsonl"))) {
            return r.stream().toList();
        }
    }

    private static List<dev.tailgap.datasets.Item> cities() {
        return dev.tailgap.harness.DatasetFiles.items(dev.tailgap.harness.DatasetFiles.load("world-cities", false));
    }

    private static JsonNode reportJson(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("report.json").toFile());
    }

    @Test
    void aModelSwappedBehindTheSameUrlIsAskedAgainAndTheSameModelMayComeFromTheCache() throws Exception {
        Path script = FakeOpenAi.script().orElse(null);
        Assumptions.assumeTrue(script != null, "shared/bench/fake_openai.py or python3 not present");
        Path dataset = FakeOpenAi.dataset(script, tmp, 40);
        try (FakeOpenAi fake = FakeOpenAi.start(script, tmp, "--latency-ms", "0", "--wrong-rate", "0")) {
            String[] command = {"run", "-m", "openai:fake-model", "--base-url", fake.baseUrl(), "-d",
                    dataset.toString(), "--out", tmp.resolve("run").toString(), "--cache-dir",
                    tmp.resolve("cache").toString(), "-q", "-c", "4"};
            CliTest.Result first = tailgap(command);
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(reportJson(tmp.resolve("run")).at("/overall/correct").asInt()).isEqualTo(40);
            assertThat(fake.modelRequests()).isEqualTo(40);

            // another deployment behind the same URL: it answers half the questions wrongly
            fake.restart("--latency-ms", "0", "--wrong-rate", "0.5");
            CliTest.Result swapped = tailgap(command);
            assertThat(swapped.code()).as(swapped.err()).isZero();
            assertThat(fake.modelRequests()).as("one request per item, none from the cache").isEqualTo(40);
            assertThat(swapped.err()).contains("holds a finished run, so this run is a new one in "
                    + tmp.resolve("run") + "-2");
            assertThat(swapped.out()).doesNotContain("cache:").doesNotContain("resumed:");
            JsonNode report = reportJson(tmp.resolve("run-2"));
            assertThat(report.at("/overall/correct").asInt()).as("the report is about the new model").isLessThan(35);
            assertThat(report.at("/integrity/fromCache").asInt()).isZero();

            // the same deployment again: its answers may come from the cache, and the run says so
            fake.restart("--latency-ms", "0", "--wrong-rate", "0.5");
            CliTest.Result same = tailgap(command);
            assertThat(same.code()).as(same.err()).isZero();
            assertThat(fake.modelRequests()).as("only the first item, which tells the served identity").isEqualTo(1);
            assertThat(same.out()).contains("cache: 39 of 40 answers came from");
            JsonNode cached = reportJson(tmp.resolve("run-3"));
            assertThat(cached.at("/integrity/fromCache").asInt()).isEqualTo(39);
            assertThat(cached.at("/overall/correct").asInt()).isEqualTo(report.at("/overall/correct").asInt());
            assertThat(Files.readString(tmp.resolve("run-3/report.md"))).contains("39 answers came from the "
                    + "response cache");
        }
    }

    @Test
    void serveSimWithOtherParametersBehindTheSamePortIsAskedAgain() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/v1";
        String[] command = {"run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", base, "--per-bucket", "20",
                "--cache-dir", tmp.resolve("cache").toString(), "--runs-dir", tmp.resolve("runs").toString(), "-q"};
        SimServer good = SimServer.start(SimModel.of(cities(), SimParams.DEFAULTS), port, 4);
        try {
            assertThat(tailgap(command).code()).isZero();
        } finally {
            good.close();
        }
        SimParams worse = new SimParams(6.0, 1.5, 0.02, 0.95, 0.6, 7, 0);
        SimServer regressed = SimServer.start(SimModel.of(cities(), worse), port, 4);
        try {
            CliTest.Result r = tailgap(command);
            assertThat(r.code()).as(r.err()).isZero();
            long asked;
            try (Stream<Path> dirs = Files.list(tmp.resolve("runs"))) {
                asked = dirs.filter(d -> d.getFileName().toString().endsWith("-2")).findFirst()
                        .map(d -> {
                            try {
                                return reportJson(d).at("/overall/asked").asLong();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).orElseThrow();
            }
            assertThat(asked).isPositive();
            assertThat(regressed.requests()).as("every item asked of the new model").isEqualTo(asked);
            assertThat(r.out()).doesNotContain("cache:");
        } finally {
            regressed.close();
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            runs = s.filter(Files::isDirectory).sorted().toList(); // beside them: the runs index
        }
        assertThat(runs).hasSize(2);
        assertThat(reportJson(runs.get(1)).at("/overall/correct").asInt())
                .isLessThan(reportJson(runs.get(0)).at("/overall/correct").asInt());
    }

    @Test
    void anUnfinishedRunIsNotResumedUnderAnotherServedModel() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = tmp.resolve("unfinished");
        String[] command = {"run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url",
                "http://127.0.0.1:" + port + "/v1", "--limit", "60", "--out", out.toString(), "--no-cache", "-q"};
        SimServer first = SimServer.start(SimModel.of(cities(), SimParams.DEFAULTS), port, 4);
        try {
            assertThat(tailgap(command).code()).isZero();
        } finally {
            first.close();
        }
        dev.tailgap.harness.engine.Crashes.crashAfter(out, 25, "");
        SimServer other = SimServer.start(SimModel.of(cities(), new SimParams(6.0, 1.5, 0.02, 0.95, 0.6, 7, 0)),
                port, 4);
        try {
            CliTest.Result r = tailgap(command);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("holds 25 answers of another served model (reply.system_fingerprint: "
                    + "tailgap-synthetic-").contains(" then, tailgap-synthetic-").contains("pass another --out");
            assertThat(Files.readAllLines(out.resolve("items.jsonl"))).as("nothing was mixed in").hasSize(25);
        } finally {
            other.close();
        }
        SimServer same = SimServer.start(SimModel.of(cities(), SimParams.DEFAULTS), port, 4);
        try {
            CliTest.Result r = tailgap(command);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("resumed: 25 items were kept");
            assertThat(same.requests()).isEqualTo(35);
        } finally {
            same.close();
        }
    }

    @Test
    void truncatedAnswersAreFlaggedCountedWarnedAboutAndGateable() throws Exception {
        Path script = FakeOpenAi.script().orElse(null);
        Assumptions.assumeTrue(script != null, "shared/bench/fake_openai.py or python3 not present");
        Path dataset = FakeOpenAi.dataset(script, tmp, 30);
        try (FakeOpenAi fake = FakeOpenAi.start(script, tmp, "--latency-ms", "0")) {
            Path out = tmp.resolve("short");
            CliTest.Result r = tailgap("run", "-m", "openai:fake-model", "--base-url", fake.baseUrl(), "-d",
                    dataset.toString(), "--max-tokens", "3", "--out", out.toString(), "--no-cache", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("30 of 30 answers (100.0%) were cut off by the token limit (max tokens 3)");
            assertThat(items(out)).hasSize(30).allSatisfy(i -> assertThat(i.truncated()).isTrue());
            JsonNode report = reportJson(out);
            assertThat(report.at("/integrity/truncated").asInt()).isEqualTo(30);
            int perBucket = 0;
            for (JsonNode n : report.at("/integrity/truncatedByBucket")) {
                perBucket += n.asInt();
            }
            assertThat(perBucket).isEqualTo(30);
            assertThat(Files.readString(out.resolve("report.md"))).contains("were cut off by the token limit");
            CliTest.Result gate = tailgap("gate", out.toString(), "--rule", "truncated.rate <= 0.01");
            assertThat(gate.code()).as(gate.out() + gate.err()).isEqualTo(3);
            assertThat(gate.out()).contains("FAIL").contains("truncation rate");
        }
    }

    @Test
    void oneItemOverflowingTheContextIsAnErrorAndTheRunGoesOn() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            java.util.concurrent.atomic.AtomicInteger chats = new java.util.concurrent.atomic.AtomicInteger();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    boolean chat = request.getPath().endsWith("/chat/completions");
                    if (chat && chats.incrementAndGet() == 7) {
                        return new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":400,\"message\":"
                                + "\"the request exceeds the available context size\",\"type\":"
                                + "\"exceed_context_size_error\"}}");
                    }
                    if (request.getPath().endsWith("/chat/completions")) {
                        return new MockResponse().setBody("{\"model\":\"m\",\"system_fingerprint\":\"fp\",\"choices\":"
                                + "[{\"message\":{\"content\":\"Japan\"},\"finish_reason\":\"stop\"}]}");
                    }
                    return new MockResponse().setResponseCode(404);
                }
            });
            Path out = tmp.resolve("overflow");
            CliTest.Result r = tailgap("run", "-m", "openai:m", "--base-url", server.url("/v1").toString(),
                    "--limit", "200", "--out", out.toString(), "--no-cache", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            List<ItemResult> errors = items(out).stream().filter(i -> i.outcome() == Outcome.ERROR).toList();
            assertThat(items(out)).hasSize(200);
            assertThat(errors).hasSize(1).allSatisfy(e -> assertThat(e.error()).contains("exceed_context_size_error")
                    .contains("the endpoint refused this item"));
            assertThat(chats.get()).as("the refused item is not retried").isEqualTo(200);
        }
    }

    @Test
    void aKeyEchoedInASuccessfulAnswerReachesNoFile() throws Exception {
        String key = "sk-echoed-" + Long.toHexString(System.nanoTime());
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String auth = String.valueOf(request.getHeader("Authorization"));
                    return new MockResponse().setBody("{\"model\":\"m\",\"system_fingerprint\":\"fp\",\"choices\":"
                            + "[{\"message\":{\"content\":\"you sent " + auth + "\",\"reasoning_content\":\"key "
                            + auth + "\"},\"finish_reason\":\"stop\"}]}");
                }
            });
            Path out = tmp.resolve("echo");
            Path cache = tmp.resolve("cache");
            List<String> args = new ArrayList<>(List.of("run", "-m", "openai:m", "--base-url",
                    server.url("/v1").toString(), "--limit", "20", "--out", out.toString(), "--api-key-env",
                    "ECHO_KEY", "--cache-dir", cache.toString(), "-q"));
            try (ChildJvm child = ChildJvm.start(tmp, "echo", java.util.Map.of("ECHO_KEY", key), args)) {
                assertThat(child.waitFor()).as(child.err()).isZero();
            }
            assertThat(tailgap("report", out.toString(), "--format", "csv").code()).isZero();
            List<Path> files = new ArrayList<>();
            for (Path root : List.of(out, cache)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                }
            }
            assertThat(files).extracting(p -> p.getFileName().toString()).contains("items.jsonl", "items.csv",
                    "report.html", "cache.sqlite");
            for (Path f : files) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(key);
            }
            assertThat(items(out)).allSatisfy(i -> assertThat(i.rawAnswer()).contains("***"));
        }
    }

    @Test
    void numbersTooLargeForTheirSettingAreUsageErrors() {
        for (String[] args : List.of(
                new String[] {"run", "-m", "openai:m", "--base-url", "http://127.0.0.1:9/v1", "--timeout", "1e300"},
                new String[] {"run", "-m", "openai:m", "--base-url", "http://127.0.0.1:9/v1", "--temperature",
                        "1e400"},
                new String[] {"run", "-m", "openai:m", "--base-url", "http://127.0.0.1:9/v1", "--retry-backoff",
                        "1e12"},
                new String[] {"run", "-m", "openai:m", "--limit", "99999999999"},
                new String[] {"gate", tmp.toString(), "--rule", "errors.count <= 1e400"})) {
            CliTest.Result r = tailgap(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void reasoningIsKeptApartAndOnlyTheAnswerIsScored() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    String country = body.contains("Tokyo") ? "Japan" : "Nowhere";
                    return new MockResponse().setBody("{\"model\":\"r1\",\"choices\":[{\"message\":{\"content\":"
                            + "\"<think>Maybe Peru? No.</think>\\n" + country + "\"},\"finish_reason\":\"stop\"}]}");
                }
            });
            Path out = tmp.resolve("think");
            CliTest.Result r = tailgap("run", "-m", "openai:r1", "--base-url", server.url("/v1").toString(),
                    "--limit", "30", "--out", out.toString(), "--no-cache", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(items(out)).allSatisfy(i -> {
                assertThat(i.reasoning()).isEqualTo("Maybe Peru? No.");
                assertThat(i.extracted()).doesNotContain("Peru");
                assertThat(i.servedModel()).isEqualTo("r1");
            });
        }
    }

    @Test
    void aCorruptMiddleLineOfAnItemLogIsAUsageErrorNamingFileAndLine() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}");
                }
            });
            Path out = tmp.resolve("corrupt");
            assertThat(tailgap("run", "-m", "openai:m", "--base-url", server.url("/v1").toString(), "--limit", "10",
                    "--out", out.toString(), "--no-cache", "-q").code()).isZero();
            Path log = out.resolve("items.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            lines.set(4, "{\"id\": \"broken");
            Files.write(log, lines);
            CliTest.Result r = tailgap("report", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains(log + ":5").contains("corrupt");
            Set<String> seen = new HashSet<>();
            assertThat(Files.readAllLines(log)).hasSize(10).allSatisfy(l -> seen.add(l));
        }
    }
}
