package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.SharedFiles;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the independent fake OpenAI server (../shared/bench/fake_openai.py) failing 30% of requests with 429 (no
 * Retry-After) and 500, a 2,000-item run completes with no ERROR outcome, never more requests in flight than asked.
 */
class FlakyEndpointTest {
    private static final int ITEMS = 2000;
    private static final int CONCURRENCY = 16;

    @TempDir
    Path tmp;

    @Test
    void aRunAgainstAnEndpointFailing30PercentOfRequestsEndsWithNoErrors() throws Exception {
        Path fake = SharedFiles.find("bench/fake_openai.py").orElse(null);
        Assumptions.assumeTrue(fake != null, "shared/bench/fake_openai.py not present");
        Path dataset = tmp.resolve("synthetic-questions.jsonl");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            jsonl.append("{\"id\":\"q").append(i).append("\",\"question\":\"Which river flows through synthetic valley ")
                    .append(i).append("?\",\"answers\":[\"Nile\"],\"concept\":\"valley ").append(i)
                    .append("\",\"frequency\":").append(i + 1).append("}\n");
        }
        Files.writeString(dataset, jsonl, StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("python3", fake.toString(), "--port", String.valueOf(port),
                "--latency-ms", "0", "--fail-rate", "0.3").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("fake.log").toFile()).start();
        try {
            OkHttpClient http = new OkHttpClient();
            String base = "http://127.0.0.1:" + port;
            assertThat(stats(http, base)).as("fake server started").isNotNull();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path runDir = tmp.resolve("run");
            int code = Main.execute(new String[] {"run", "-m", "openai:fake", "--base-url", base + "/v1", "-d",
                    dataset.toString(), "-c", String.valueOf(CONCURRENCY), "--retry-backoff", "0.02", "--no-cache",
                    "--out", runDir.toString(), "-q"}, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as(err.toString()).isZero();

            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            try (ItemLog.Reader r = ItemLog.read(runDir.resolve("items.jsonl"))) {
                for (ItemResult x : r) {
                    outcomes.merge(x.outcome(), 1, Integer::sum);
                }
            }
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ITEMS);
            assertThat(outcomes.getOrDefault(Outcome.ERROR, 0)).as("ERROR outcomes").isZero();

            JsonNode s = stats(http, base);
            int failures = s.get("injected_failures").asInt();
            assertThat(s.get("served_ok").asInt()).isEqualTo(ITEMS);
            assertThat(s.get("model_requests").asInt()).isEqualTo(ITEMS + failures);
            assertThat(failures).as("about 30% of requests failed").isGreaterThan(ITEMS / 4);
            assertThat(s.path("by_code").path("429").asInt()).isPositive();
            assertThat(s.path("by_code").path("500").asInt()).isPositive();
            assertThat(s.get("max_in_flight").asInt()).isLessThanOrEqualTo(CONCURRENCY);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static JsonNode stats(OkHttpClient http, String base) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Response resp = http.newCall(new Request.Builder().url(base + "/stats").build()).execute()) {
                return new ObjectMapper().readTree(resp.body().string());
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return null;
    }
}
