package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.engine.RunSpecFile;
import dev.tailgap.harness.engine.WithoutMetadata;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailgap run --resume RUN_DIR}: the run spec comes back from spec.json; only how it runs may change. */
class ResumeCliTest {
    private static SimServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities", false)),
                SimParams.DEFAULTS), 0, 16);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private static CliTest.Result tailgap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void resumeRebuildsTheSpecAndAsksOnlyWhatIsMissing() throws Exception {
        Path prompt = tmp.resolve("prompt.txt");
        Files.writeString(prompt, "Q: {question}\nA short answer:");
        Path out = tmp.resolve("run");
        CliTest.Result first = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(),
                "--limit", "50", "--seed", "9", "--temperature", "0.3", "--gen-seed", "5", "--max-tokens", "12",
                "--stop", "\n", "--stop", "###", "--system", "Be brief.", "--prompt-file", prompt.toString(),
                "--scorer", "exact", "--bucketing", "quantile:3", "-o", "api=chat", "--rpm", "100000",
                "--out", out.toString(), "--no-cache", "-q");
        assertThat(first.code()).as(first.err()).isZero();
        String report = Files.readString(out.resolve("report.json"));

        RunSpec recorded = RunSpecFile.read(out);
        assertThat(recorded.generation().params().temperature()).isEqualTo(0.3);
        assertThat(recorded.generation().params().seed()).isEqualTo(5L);
        assertThat(recorded.generation().params().stop()).containsExactly("\n", "###");
        assertThat(recorded.generation().prompt().text()).isEqualTo("Q: {question}\nA short answer:");
        assertThat(recorded.generation().system()).isEqualTo("Be brief.");
        assertThat(recorded.target().options()).containsEntry("api", "chat");
        assertThat(recorded.execution().rpm()).isEqualTo(100000);
        assertThat(recorded.sampling().dataset()).isEqualTo("bundled:world-cities");

        List<String> lines = Files.readAllLines(out.resolve("items.jsonl"));
        Files.write(out.resolve("items.jsonl"), lines.subList(0, 20));
        dev.tailgap.harness.engine.Crashes.markRunning(out);
        long before = server.requests();
        CliTest.Result resumed = tailgap("run", "--resume", out.toString(), "-c", "3", "--no-cache", "-q");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(server.requests() - before).isEqualTo(30);
        assertThat(resumed.out()).contains("resumed: 20 items were kept from an earlier attempt of this run, 30 asked now");
        assertThat(WithoutMetadata.of(".json", Files.readString(out.resolve("report.json")))).isEqualTo(
                WithoutMetadata.of(".json", report.replace("\"fromEarlierAttempts\": 0", "\"fromEarlierAttempts\": 20")));
        assertThat(RunSpecFile.read(out).execution().concurrency()).isEqualTo(3);
    }

    @Test
    void resumeRefusesSettingsThatWouldChangeTheRunAndNamesThem() {
        Path out = tmp.resolve("run");
        assertThat(tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(), "--limit", "5",
                "--out", out.toString(), "--no-cache", "-q").code()).isZero();
        CliTest.Result r = tailgap("run", "--resume", out.toString(), "-m", "openai:other", "--temperature", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("--temperature").contains("not allowed");
        assertThat(r.err().strip().lines()).hasSize(1);

        CliTest.Result missing = tailgap("run", "--resume", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("not a run directory");

        CliTest.Result noModel = tailgap("run", "--limit", "5");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("-m PROVIDER:MODEL").contains("--resume");
    }

    @Test
    void aRerunWithAnotherModelIntoTheSameDirectoryNamesWhatDiffers() {
        Path out = tmp.resolve("run");
        assertThat(tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(), "--limit", "5",
                "--out", out.toString(), "--no-cache", "-q").code()).isZero();
        CliTest.Result beside = tailgap("run", "-m", "openai:another", "--base-url", server.baseUrl(), "--limit", "5",
                "--out", out.toString(), "--no-cache", "-q");
        assertThat(beside.code()).as("a finished run is left alone: the new run goes beside it").isZero();
        assertThat(beside.err()).contains("holds a finished run, so this run is a new one in " + out + "-2");
        try {
            dev.tailgap.harness.engine.Crashes.markRunning(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliTest.Result other = tailgap("run", "-m", "openai:another", "--base-url", server.baseUrl(), "--limit", "5",
                "--out", out.toString(), "--no-cache", "-q");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("holds a different run").contains("settings.model")
                .contains("\"openai:another\" now");
        // how it runs is not part of the run: a rerun with other execution settings resumes
        CliTest.Result faster = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(),
                "--limit", "5", "--out", out.toString(), "--no-cache", "-q", "-c", "2", "--retries", "1",
                "--timeout", "9", "--max-error-rate", "0.5");
        assertThat(faster.code()).as(faster.err()).isZero();
        assertThat(faster.out()).contains("resumed: 5 items");
    }
}
