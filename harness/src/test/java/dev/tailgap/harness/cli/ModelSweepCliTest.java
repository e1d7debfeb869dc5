package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several models from one config over loopback: a run directory each, then their comparison; prices give a cost. */
class ModelSweepCliTest {
    private static SimServer strong;
    private static SimServer weak;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws IOException {
        List<Item> items = DatasetFiles.items(DatasetFiles.load("world-cities", false));
        strong = SimServer.start(SimModel.of(items, SimParams.DEFAULTS), 0, 16);
        weak = SimServer.start(SimModel.of(items, new SimParams(5.5, 1.5, 0.02, 0.95, 0.6, 7, 0)), 0, 16);
    }

    @AfterAll
    static void stop() {
        strong.close();
        weak.close();
    }

    private Path config(String extra) throws IOException {
        return Files.writeString(tmp.resolve("models.yaml"), "per-bucket: 20\n" + extra + "models:\n"
                + "  - model: openai:" + SimServer.MODEL_ID + "\n    base-url: " + strong.baseUrl() + "\n"
                + "  - model: openai:" + SimServer.MODEL_ID + "\n    base-url: " + weak.baseUrl() + "\n"
                + "    option: {api: chat}\n");
    }

    @Test
    void runsEveryModelIntoItsOwnDirectoryThenComparesThem() throws IOException {
        Path out = tmp.resolve("sweep");
        CliTest.Result r = CliTest.tailgap("run", "--config", config("parallel-models: 2\n").toString(),
                "--out", out.toString(), "--no-cache", "--price-in", "0.15", "--price-out", "0.6");
        assertThat(r.code()).as(r.err()).isZero();
        Path first = out.resolve("openai-synthetic-reference");
        Path second = out.resolve("openai-synthetic-reference-2");
        assertThat(r.out()).contains("models:\n  openai:synthetic-reference at " + strong.baseUrl() + ": " + first)
                .contains("openai:synthetic-reference at " + weak.baseUrl() + ": " + second)
                .contains("comparison of 2 runs (baseline openai-synthetic-reference):")
                .contains(out.resolve("comparison").resolve("comparison.html").toString());
        for (String f : List.of("comparison.html", "comparison.md", "comparison.json")) {
            assertThat(out.resolve("comparison").resolve(f)).isNotEmptyFile();
        }
        JsonMapper json = JsonMapper.builder().build();
        JsonNode comparison = json.readTree(out.resolve("comparison/comparison.json").toFile());
        assertThat(comparison.at("/runs/0/run").asText()).isEqualTo("openai-synthetic-reference");
        assertThat(comparison.at("/runs/1/run").asText()).isEqualTo("openai-synthetic-reference-2");
        JsonNode metadata = json.readTree(second.resolve("report.json").toFile()).get("metadata");
        assertThat(metadata.at("/requests").asLong()).isEqualTo(90);
        long in = metadata.at("/totals/promptTokens").asLong();
        long outTokens = metadata.at("/totals/completionTokens").asLong();
        assertThat(in).isPositive();
        assertThat(metadata.at("/cost/usd").asDouble())
                .isCloseTo((in * 0.15 + outTokens * 0.6) / 1e6, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aPricesTableGivesEachModelItsPriceAndNamesWhatItLacks() throws IOException {
        Path prices = Files.writeString(tmp.resolve("prices.yaml"),
                "openai:synthetic-reference: {input: 1.0, output: 2.0}\n");
        Path out = tmp.resolve("priced");
        CliTest.Result r = CliTest.tailgap("run", "--config", config("").toString(), "--out", out.toString(),
                "--no-cache", "-q", "--prices", prices.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("openai-synthetic-reference/report.md")))
                .containsPattern("\\| cost +\\| \\$0\\.").contains("at $1.00 / $2.00 per million prompt / completion tokens");

        Path other = Files.writeString(tmp.resolve("other.yaml"), "openai:gpt-4o: {input: 2.5, output: 10}\n");
        CliTest.Result missing = CliTest.tailgap("run", "-m", "openai:x", "--base-url", strong.baseUrl(),
                "--prices", other.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("tailgap: error: " + other + " has no prices for 'openai:x' "
                + "(it lists: openai:gpt-4o)");
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "openai:x:\n  input: 1\n  ouput: 2\n");
        assertThat(CliTest.tailgap("run", "-m", "openai:x", "--prices", bad.toString()).err())
                .contains(bad + ":3: openai:x: unknown key 'ouput'");
    }

    @Test
    void aModelsEntryWithAMistakeNamesItsLine() throws IOException {
        Path c = Files.writeString(tmp.resolve("bad-models.yaml"), "models:\n  - model: openai:a\n"
                + "  - modle: openai:b\n");
        CliTest.Result r = CliTest.tailgap("run", "--config", c.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("tailgap: error: " + c + ":3: unknown key 'modle' in a models entry "
                + "(known: model, base-url, api-key-env, api, option); did you mean 'model'?");
        CliTest.Result both = CliTest.tailgap("run", "--config", config("").toString(), "-m", "openai:x");
        assertThat(both.err()).contains("lists models: give neither -m nor --resume with it");
    }
}
