package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --base-url} given more than once, on the command line and as a list in a config file. */
class ReplicasCliTest {
    @TempDir
    Path tmp;

    private static SimServer serve(SimParams p) throws Exception {
        List<dev.tailgap.datasets.Item> items = dev.tailgap.harness.DatasetFiles.items(
                dev.tailgap.harness.DatasetFiles.load("world-cities", false));
        return SimServer.start(SimModel.of(items, p), 0, 4);
    }

    private static JsonNode spec(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("spec.json").toFile());
    }

    @Test
    void repeatedFlagsAndAConfigListBothSpreadTheRun() throws Exception {
        try (SimServer a = serve(SimParams.DEFAULTS); SimServer b = serve(SimParams.DEFAULTS)) {
            CliTest.Result flags = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", a.baseUrl(),
                    "--base-url", b.baseUrl(), "--limit", "40", "-c", "4", "--no-cache", "-q", "--out",
                    tmp.resolve("flags").toString());
            assertThat(flags.code()).as(flags.err()).isZero();
            assertThat(spec(tmp.resolve("flags")).at("/spec/target/baseUrl")).hasSize(2);
            assertThat(spec(tmp.resolve("flags")).at("/settings/endpoint").asText())
                    .isEqualTo(a.baseUrl() + ", " + b.baseUrl());

            Path config = Files.writeString(tmp.resolve("replicas.yaml"), "model: openai:" + SimServer.MODEL_ID
                    + "\nbase-url:\n  - " + a.baseUrl() + "\n  - " + b.baseUrl() + "\nlimit: 40\nconcurrency: 4\n");
            long before = a.requests() + b.requests();
            CliTest.Result file = tailgap("run", "--config", config.toString(), "--no-cache", "-q", "--out",
                    tmp.resolve("config").toString());
            assertThat(file.code()).as(file.err()).isZero();
            assertThat(a.requests() + b.requests() - before).isEqualTo(40);
            assertThat(spec(tmp.resolve("config")).path("replicas")).hasSize(2);

            Path models = Files.writeString(tmp.resolve("models.yaml"), "models:\n  - model: openai:"
                    + SimServer.MODEL_ID + "\n    base-url: [" + a.baseUrl() + ", " + b.baseUrl() + "]\n"
                    + "  - model: openai:" + SimServer.MODEL_ID + "\n    base-url: " + a.baseUrl() + "\nlimit: 40\n");
            long beforeB = b.requests();
            CliTest.Result sweep = tailgap("run", "--config", models.toString(), "--no-cache", "-q", "--out",
                    tmp.resolve("models").toString());
            assertThat(sweep.code()).as(sweep.err()).isZero();
            assertThat(sweep.out()).contains("at " + a.baseUrl() + ", " + b.baseUrl());
            assertThat(b.requests()).isGreaterThan(beforeB);
        }
    }

    @Test
    void aReplicaServingAnotherModelIsAOneLineUsageError() throws Exception {
        try (SimServer a = serve(SimParams.DEFAULTS);
             SimServer b = serve(new SimParams(6.0, 1.5, 0.02, 0.95, 0.6, 7, 0))) {
            CliTest.Result r = tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", a.baseUrl(),
                    "--base-url", b.baseUrl(), "--limit", "40", "-c", "4", "--no-cache", "-q", "--out",
                    tmp.resolve("mixed").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).startsWith("tailgap: error: replica " + b.baseUrl() + " serves another model than "
                    + "replica " + a.baseUrl() + " (reply.system_fingerprint: ");
        }
    }
}
