package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol flags on the command line: recorded in the spec and the report, and their usage errors. */
class ProtocolCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SimServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities", false)),
                SimParams.DEFAULTS), 0, 8);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private CliTest.Result run(String... extra) {
        String[] base = {"run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(), "--limit", "20",
                "-q", "--runs-dir", tmp.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliTest.tailgap(all);
    }

    @Test
    void theProtocolAndItsOverridesAreRecordedAndTheOldSeedNameStillWorks() throws Exception {
        Path out = tmp.resolve("popqa");
        CliTest.Result r = run("--protocol", "popqa", "--shots", "3", "--samples", "2", "--gen-seed", "3", "--seed",
                "5", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode spec = JSON.readTree(out.resolve("spec.json").toFile());
        JsonNode resume = spec.path(dev.tailgap.harness.engine.RunDirectory.RESUME_KEY);
        assertThat(resume.at("/sampling/seed").asLong()).isEqualTo(5);
        assertThat(resume.at("/generation/params/maxTokens").asInt()).isEqualTo(15);
        assertThat(resume.at("/generation/prompt").asText()).isEqualTo("Q: {question} A:");
        JsonNode prompting = resume.at("/generation/prompting");
        assertThat(prompting.path("protocol").asText()).isEqualTo("popqa");
        assertThat(prompting.path("shots").asInt()).isEqualTo(3);
        assertThat(prompting.path("strategy").asText()).isEqualTo("stratified-relation");
        assertThat(prompting.path("extraction").asText()).isEqualTo("first-line");
        assertThat(prompting.path("samples").asInt()).isEqualTo(2);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/run/protocol").asText()).isEqualTo("popqa");
        assertThat(report.at("/consistency/samples").asInt()).isEqualTo(2);
        assertThat(report.at("/consistency/overall/n").asInt()).isEqualTo(20);
        assertThat(Files.readString(out.resolve("report.md"))).contains("Answer consistency").contains("Protocol: ");
        // the gate reads the consistency figures; a run asked once cannot be gated on them
        CliTest.Result gate = CliTest.tailgap("gate", out.toString(), "--rule", "overall.instability <= 1",
                "--rule", "overall.accuracy_at_k >= 0", "--rule", "overall.majority_accuracy >= 0");
        assertThat(gate.code()).as(gate.out() + gate.err()).isZero();
        Path once = tmp.resolve("once");
        assertThat(run("--out", once.toString()).code()).isZero();
        CliTest.Result onceGate = CliTest.tailgap("gate", once.toString(), "--rule", "overall.instability <= 0.05");
        assertThat(onceGate.code()).isEqualTo(3);
        assertThat(onceGate.out() + onceGate.err()).contains("needs --samples K of 2 or more");
        // the recorded plan reads back with its protocol settings
        dev.tailgap.harness.RunSpec back = dev.tailgap.harness.engine.RunSpecFile.read(out);
        assertThat(back.generation().prompting().protocol()).isEqualTo("popqa");
        assertThat(back.generation().prompting().shots()).isEqualTo(3);
        assertThat(back.generation().prompting().samples()).isEqualTo(2);
        assertThat(back.sampling().seed()).isEqualTo(5);
    }

    @Test
    void badProtocolSettingsAreOneLineUsageErrors() {
        CliTest.Result unknown = run("--protocol", "helm");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("tailgap: ").endsWith("--protocol: no protocol 'helm'; known: "
                + "head-to-tail, popqa, zero-shot").doesNotContain("\n");
        CliTest.Result turns = run("--protocol", "head-to-tail", "--shots-as-turns", "-o", "api=completions");
        assertThat(turns.code()).isEqualTo(2);
        assertThat(turns.err()).contains("--shots-as-turns needs a chat API").doesNotContain("Exception");
        CliTest.Result owned = run("-o", "body.temperature=1");
        assertThat(owned.code()).isEqualTo(2);
        assertThat(owned.err()).contains("option body.temperature: the openai adapter sets temperature itself; use "
                + "--temperature instead");
        CliTest.Result noShots = run("--shots-as-turns");
        assertThat(noShots.code()).isEqualTo(2);
        assertThat(noShots.err()).contains("--shots-as-turns needs shots");
        CliTest.Result strategy = run("--shots", "2", "--shot-strategy", "best");
        assertThat(strategy.code()).isEqualTo(2);
        assertThat(strategy.err()).contains("no shot strategy 'best'; known: stratified-relation, head, random, fixed");
        CliTest.Result samples = run("--samples", "0");
        assertThat(samples.code()).isEqualTo(2);
        assertThat(samples.err()).contains("--samples must be between 1 and 1000, got 0");
    }

    @Test
    void aBrokenShotsFileNamesItsLineAndField() throws Exception {
        Path shots = tmp.resolve("shots.jsonl");
        Files.writeString(shots, "{\"question\": \"What is the capital of France?\", \"answer\": \"Paris\"}\n"
                + "{\"question\": \"Who wrote Dune?\"}\n");
        CliTest.Result r = run("--shots-file", shots.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("tailgap: ").endsWith(shots + ":2: field 'answer': missing")
                .doesNotContain("\n");
    }

    @Test
    void listShowsTheProtocolsWithTheirPapers() {
        CliTest.Result r = CliTest.tailgap("list", "protocols");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("popqa").contains("Mallen et al., ACL 2023").contains("head-to-tail")
                .contains("Sun et al., NAACL 2024").contains("zero-shot");
    }
}
