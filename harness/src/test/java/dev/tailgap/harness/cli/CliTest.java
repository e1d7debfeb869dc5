package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import dev.tailgap.harness.SharedFiles;
import dev.tailgap.harness.cache.ResponseCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user meets it: exit codes, one-line errors, help on every command. */
class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result tailgap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        Result v = tailgap("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("tailgap ");
        for (List<String> cmd : List.<List<String>>of(List.of(), List.of("run"), List.of("demo"), List.of("report"),
                List.of("serve-sim"), List.of("datasets"), List.of("datasets", "info"), List.of("datasets", "list"),
                List.of("datasets", "import"), List.of("datasets", "import", "popqa"), List.of("list"),
                List.of("cache"), List.of("cache", "stats"), List.of("cache", "clear"))) {
            List<String> withHelp = new java.util.ArrayList<>(cmd);
            withHelp.add("--help");
            String[] args = withHelp.toArray(new String[0]);
            Result r = tailgap(args);
            assertThat(r.code()).as("%s --help", cmd).isZero();
            assertThat(r.out()).as("%s --help", cmd).contains("Usage: tailgap");
        }
        assertThat(tailgap("--help").out()).contains("Exit codes:").contains("4  too many endpoint errors");
    }

    @Test
    void demoPrintsTheBucketTableAndWritesTheRunDirectory() throws IOException {
        Path out = tmp.resolve("demo");
        Result r = tailgap("demo", "--per-bucket", "40", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("head").contains("tail").contains("synthetic model");
        assertThat(out.resolve("report.json")).exists();
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("items.jsonl")).exists();
        Result again = tailgap("report", out.toString(), "--format", "json", "--no-write");
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo(Files.readString(out.resolve("report.json")));
    }

    @Test
    void badDatasetLinesGiveOneLinePerProblemAndExit2() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"a\",\"question\":\"Q?\",\"answers\":[\"x\"],\"concept\":\"c\",\"frequency\":3}\n"
                + "{\"id\":\"b\",\"question\":\"Q?\",\"answers\":[\"x\"],\"concept\":\"c\",\"frequency\":-1}\n",
                StandardCharsets.UTF_8);
        Result r = tailgap("run", "-m", "openai:x", "--base-url", "http://127.0.0.1:9/v1", "-d", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                "tailgap: error: " + bad + ": 1 invalid line; fix it or pass --skip-invalid",
                "  " + bad + ":2: frequency: must be a number >= 0, got -1");
    }

    @Test
    void unknownProviderAndMissingKeyAreUsageErrors() {
        Result unknown = tailgap("run", "-m", "nosuch:model", "--limit", "3");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown provider 'nosuch'").contains("openai");
        assertThat(unknown.err().strip().lines()).hasSize(1);

        Result key = tailgap("run", "-m", "openai:gpt-4o-mini", "--api-key-env", "TAILGAP_TEST_UNSET_KEY_VAR",
                "--limit", "3");
        assertThat(key.code()).isEqualTo(2);
        assertThat(key.err()).contains("TAILGAP_TEST_UNSET_KEY_VAR");
        assertThat(key.err().strip().lines()).hasSize(1);

        Result model = tailgap("run", "-m", "gpt-4o-mini");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("provider:model");
    }

    @Test
    void unreachableEndpointExits4AndNamesTheUrl() throws IOException {
        int port = freePort();
        Result r = tailgap("run", "-m", "openai:m", "--base-url", "http://127.0.0.1:" + port + "/v1", "--retries", "0",
                "--limit", "40", "--out", tmp.resolve("dead").toString(), "-q");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("cannot reach").contains("127.0.0.1:" + port);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(tmp.resolve("dead").resolve("report.json")).doesNotExist();
    }

    @Test
    void configFileMirrorsTheFlagsAndNamesUnknownKeys() throws IOException {
        Path cfg = tmp.resolve("tailgap.yaml");
        Files.writeString(cfg, "per-bucket: 5\nout: " + tmp.resolve("cfg").toString().replace("\\", "/") + "\nquiet: true\n");
        Result ok = tailgap("demo", "--config", cfg.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(tmp.resolve("cfg").resolve("report.json")).exists();

        Files.writeString(cfg, "per-bukket: 5\n");
        Result bad = tailgap("demo", "--config", cfg.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown key 'per-bukket'").contains("tailgap.yaml");

        Files.writeString(cfg, "per-bucket: [1,\n");
        Result broken = tailgap("demo", "--config", cfg.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("tailgap.yaml").contains("not valid YAML");
    }

    @Test
    void cacheStatsAndClearOnAnEmptyAndAFilledCache() {
        Path dir = tmp.resolve("cache");
        Result empty = tailgap("cache", "stats", "--cache-dir", dir.toString());
        assertThat(empty.code()).isZero();
        assertThat(empty.out()).contains("nothing cached yet");
        try (ResponseCache c = ResponseCache.open(dir)) {
            c.put("k", "id", "openai", "gpt-x", new Completion("Paris", 1, 1));
        }
        Result stats = tailgap("cache", "stats", "--cache-dir", dir.toString());
        assertThat(stats.out()).contains("entries    1").contains("openai:gpt-x");
        Result clear = tailgap("cache", "clear", "--cache-dir", dir.toString());
        assertThat(clear.code()).isZero();
        assertThat(clear.out()).contains("cleared 1 entries");
        assertThat(tailgap("cache", "stats", "--cache-dir", dir.toString()).out()).contains("entries    0");
    }

    @Test
    void listAdaptersNamesTheOpenAiProvider() {
        Result r = tailgap("list", "adapters");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("openai");
    }

    @Test
    void datasetsInfoShowsBucketSizesPerScheme() {
        Result r = tailgap("datasets", "info", "world-cities");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("world-cities@").contains("bucketing mass:3").contains("bucketing log10")
                .contains("bucketing quantile:4").contains("head");
    }

    @Test
    void runsAgainstTheIndependentFakeOpenAiServer() throws Exception {
        Path fake = SharedFiles.find("bench/fake_openai.py").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(fake != null, "shared/bench/fake_openai.py not present");
        int port = freePort();
        Process server = new ProcessBuilder("python3", fake.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("fake.log").toFile()).start();
        try {
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
            String stats = null;
            for (int i = 0; i < 100 && stats == null; i++) {
                try (okhttp3.Response resp = http.newCall(new okhttp3.Request.Builder()
                        .url("http://127.0.0.1:" + port + "/stats").build()).execute()) {
                    stats = resp.body().string();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(stats).as("fake server started").isNotNull();
            Result r = tailgap("run", "-m", "openai:fake", "--base-url", "http://127.0.0.1:" + port + "/v1",
                    "--limit", "120", "--out", tmp.resolve("fake").toString(), "--no-cache", "-q");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("tail");
            try (okhttp3.Response resp = http.newCall(new okhttp3.Request.Builder()
                    .url("http://127.0.0.1:" + port + "/stats").build()).execute()) {
                assertThat(resp.body().string()).contains("\"model_requests\":120").contains("\"served_ok\":120");
            }
            assertThat(Files.readAllLines(tmp.resolve("fake").resolve("items.jsonl"))).hasSize(120);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
