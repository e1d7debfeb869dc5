package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in their own JVMs against the independent fake OpenAI server: one writer per run directory, a killed run is
 * refused by the gate, and an endpoint that dies mid-run stops the run within seconds and resumes without losing or
 * repeating an item.
 */
class RunIntegrityProcessTest {
    @TempDir
    Path tmp;

    private Path script;
    private Path dataset;

    @BeforeEach
    void fake() throws Exception {
        script = FakeOpenAi.script().orElse(null);
        Assumptions.assumeTrue(script != null, "shared/bench/fake_openai.py or python3 not present");
        dataset = FakeOpenAi.dataset(script, tmp, 300);
    }

    private List<String> run(FakeOpenAi fake, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-m", "openai:fake-model", "--base-url",
                fake.baseUrl(), "-d", dataset.toString(), "--out", out.toString(), "--no-cache", "-q"));
        args.addAll(List.of(more));
        return args;
    }

    private static long lines(Path out) {
        try {
            return Files.exists(out.resolve("items.jsonl")) ? Files.readAllLines(out.resolve("items.jsonl")).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> ids(Path out) throws IOException {
        try (ItemLog.Reader r = ItemLog.read(out.resolve("items.jsonl"))) {
            return r.stream().map(ItemResult::id).toList();
        }
    }

    @Test
    void aSecondWriterIsRefusedNamingTheFirstAndTheLogHoldsEachItemOnce() throws Exception {
        Path out = tmp.resolve("shared-dir");
        try (FakeOpenAi fake = FakeOpenAi.start(script, tmp, "--latency-ms", "20");
             ChildJvm first = ChildJvm.start(tmp, "first", Map.of(), run(fake, out, "-c", "1", "--limit", "150"))) {
            assertThat(first.awaitWhileAlive(() -> lines(out) >= 2)).isTrue();
            CliTest.Result second = tailgap(run(fake, out, "-c", "1", "--limit", "150").toArray(new String[0]));
            assertThat(second.code()).isEqualTo(2);
            assertThat(second.err()).contains("is being written by another tailgap (process "
                    + first.process.pid() + ")");
            assertThat(first.waitFor()).as(first.err()).isZero();
            assertThat(ids(out)).hasSize(150).doesNotHaveDuplicates();
            assertThat(fake.modelRequests()).isEqualTo(150);
        }
    }

    @Test
    void aKilledRunIsRefusedByGateReportAndCompareUnlessAllowedAndThenMarkedIncomplete() throws Exception {
        Path out = tmp.resolve("killed");
        try (FakeOpenAi fake = FakeOpenAi.start(script, tmp, "--latency-ms", "20");
             ChildJvm child = ChildJvm.start(tmp, "killed", Map.of(), run(fake, out, "-c", "2", "--limit", "200"))) {
            assertThat(child.awaitWhileAlive(() -> lines(out) >= 20)).isTrue();
            child.kill();
        }
        long asked = ids(out).size();
        assertThat(asked).isBetween(20L, 199L);
        CliTest.Result gate = tailgap("gate", out.toString(), "--rule", "errors.rate <= 0.01");
        assertThat(gate.code()).isEqualTo(2);
        assertThat(gate.err()).contains("is incomplete: " + asked + " of 200 planned items were asked")
                .contains("--allow-incomplete");
        CliTest.Result allowed = tailgap("gate", out.toString(), "--rule", "errors.rate <= 0.01",
                "--allow-incomplete");
        assertThat(allowed.code()).as("the unasked items count as errors").isEqualTo(3);
        assertThat(allowed.out()).contains("INCOMPLETE: " + asked + " of 200 planned items were asked")
                .contains("planned items never asked count as errors");
        assertThat(tailgap("report", out.toString()).code()).isEqualTo(2);
        CliTest.Result report = tailgap("report", out.toString(), "--format", "markdown", "--allow-incomplete");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("**INCOMPLETE: " + asked + " of 200 planned items were asked");
        assertThat(Files.readString(out.resolve("report.html"))).contains("INCOMPLETE: ");
        assertThat(tailgap("compare", out.toString(), out.toString()).code()).isEqualTo(2);
    }

    @Test
    void anEndpointThatDiesStopsTheRunWithinSecondsAndAResumeLosesAndRepeatsNothing() throws Exception {
        Path out = tmp.resolve("dies");
        try (FakeOpenAi fake = FakeOpenAi.start(script, tmp, "--latency-ms", "10")) {
            long died;
            long exited;
            String err;
            try (ChildJvm child = ChildJvm.start(tmp, "dies", Map.of(), run(fake, out, "-c", "4"))) {
                assertThat(child.awaitWhileAlive(() -> lines(out) >= 40)).isTrue();
                fake.kill();
                died = System.nanoTime();
                int code = child.waitFor();
                exited = System.nanoTime();
                err = Files.readString(child.err);
                assertThat(code).as(err).isEqualTo(4);
            }
            double seconds = (exited - died) / 1e9;
            System.out.printf("endpoint killed mid-run: tailgap exited with 4 after %.1f s%n", seconds);
            assertThat(seconds).as("stops within 30 s of the last success").isLessThan(30);
            assertThat(err).contains("the endpoint stopped answering").contains("finished items are kept in " + out);
            List<String> kept = ids(out);
            assertThat(kept).doesNotHaveDuplicates();

            fake.restart("--latency-ms", "0");
            CliTest.Result resumed = tailgap("run", "--resume", out.toString(), "-q");
            assertThat(resumed.code()).as(resumed.err()).isZero();
            List<String> all = ids(out);
            assertThat(all).hasSize(300).doesNotHaveDuplicates().containsAll(kept);
        }
    }
}
