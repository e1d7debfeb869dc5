package dev.tailgap.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.cli.Main;
import dev.tailgap.harness.engine.RunSpecFile;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.PromptTemplate;
import dev.tailgap.harness.scoring.ScoringOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed run plan: defaults, checks with one message everywhere, and one JSON mapping that round-trips. */
class RunPlanTest {
    @TempDir
    Path tmp;

    private static RunSpec everySettingChanged(Path out) {
        return RunSpec.builder().model("openai:some/model")
                .target(t -> t.withBaseUrl("http://127.0.0.1:9/v1").withApiKeyEnv("MY_KEY")
                        .withOptions(Map.of("api", "completions")).withEndpointLabel("lab"))
                .sampling(s -> new Sampling("bundled:world-cities", "quantile:4", 12, 7, 70, 99, true))
                .generation(g -> new Generation(new GenerationParams(0.7, 5, List.of("\n", "###"), 3L), "Be brief.",
                        PromptTemplate.of("Q: {question}\nA:")))
                .scoring(s -> new Scoring("f1", new ScoringOptions(HedgePolicy.ABSTAIN, Map.of("threshold", "0.4"),
                        "openai:judge", "http://127.0.0.1:9/v1", "JUDGE_KEY", 30)))
                .execution(e -> new Execution(3, Duration.ofMillis(2500), 4, Duration.ofMillis(250), 600, 90000, 0.1,
                        true, CacheReuse.NEVER))
                .output(o -> o.withDir(out).withTags(Map.of("release", "1.4", "series", "nightly")))
                .build();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        RunSpec plan = RunSpec.builder().model("openai:gpt-4o-mini").build();
        assertThat(plan.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(plan.sampling().dataset()).isEqualTo("world-cities");
        assertThat(plan.execution().concurrency()).isEqualTo(8);
        assertThat(plan.execution().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.generation().params()).isEqualTo(GenerationParams.DEFAULTS);
        assertThat(plan.scoring().scorer()).isEqualTo("contains");
        assertThat(plan.target().model().provider()).isEqualTo("openai");
        assertThat(plan.output().tags()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWhereTheyAreBuiltWithTheSettingNamed() {
        assertThatThrownBy(() -> RunSpec.builder().model("gpt-4o").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider:model");
        assertThatThrownBy(() -> Execution.DEFAULTS.withConcurrency(0))
                .hasMessage("concurrency must be >= 1, got 0");
        assertThatThrownBy(() -> Sampling.DEFAULTS.withBucketing("mass:zero"))
                .hasMessageStartingWith("bucketing 'mass:zero': ");
        assertThatThrownBy(() -> Sampling.DEFAULTS.withLimit(0)).hasMessage("limit must be >= 1, got 0");
        assertThatThrownBy(() -> Execution.DEFAULTS.withMaxErrorRate(1.5))
                .hasMessage("max error rate must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Output.DEFAULTS.withTags(Map.of("bad key", "x")))
                .hasMessageContaining("tag key 'bad key'");
        assertThatThrownBy(() -> RunSpec.builder().build()).hasMessageContaining("needs a model");
    }

    @Test
    void theCommandLineReportsTheSameMessageAsTheApi() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[]{"run", "-m", "openai:x", "--base-url", "http://127.0.0.1:9/v1",
                "-c", "0", "--no-cache", "-q", "--out", tmp.resolve("r").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("concurrency must be >= 1, got 0");
        err = new StringWriter();
        code = Main.execute(new String[]{"run", "-m", "openai:x", "--bucketing", "mass:zero", "--no-cache", "-q",
                "--dataset", tmp.resolve("never-read.jsonl").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bucketing 'mass:zero'").doesNotContain("never-read");
    }

    @Test
    void theSpecFileRoundTripsEverySettingByOneMapping() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        RunSpec plan = everySettingChanged(dir);
        Map<String, Object> section = RunSpecFile.toMap(plan, "bundled:world-cities");
        Files.writeString(dir.resolve("spec.json"),
                PlanJson.MAPPER.writeValueAsString(Map.of("spec", section)));
        assertThat(RunSpecFile.read(dir)).isEqualTo(plan);
        assertThat(PlanJson.MAPPER.writeValueAsString(section))
                .contains("\"model\":\"openai:some/model\"", "\"timeout\":2.5", "\"cacheReuse\":\"never\"",
                        "\"hedged\":\"abstain\"", "\"prompt\":\"Q: {question}\\nA:\"", "\"dir\":null");
    }

    @Test
    void secretsAreNotRecordedAndAResumeAsksForThem() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        RunSpec plan = RunSpec.builder().model("openai:m")
                .target(t -> t.withBaseUrl("https://user:pw@example.test/v1?key=abc")
                        .withOptions(Map.of("api_key", "sk-123", "api", "chat")))
                .out(dir).build();
        String json = PlanJson.MAPPER.writeValueAsString(Map.of("spec", RunSpecFile.toMap(plan, "x.jsonl")));
        assertThat(json).doesNotContain("pw", "abc", "sk-123").contains("(redacted)", "\"baseUrlRedacted\":true");
        Files.writeString(dir.resolve("spec.json"), json);
        assertThat(RunSpecFile.baseUrlRedacted(dir)).isTrue();
        assertThat(RunSpecFile.read(dir).target().baseUrl()).isEqualTo("https://example.test/v1");
    }

    @Test
    void aSpecFileWithAnUnknownOrBadSettingIsAOneLineError() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Map<String, Object> section = RunSpecFile.toMap(everySettingChanged(dir), "x.jsonl");
        String json = PlanJson.MAPPER.writeValueAsString(Map.of("spec", section));
        Files.writeString(dir.resolve("spec.json"), json.replace("\"concurrency\":3", "\"concurrency\":3,\"concurency\":3"));
        assertThatThrownBy(() -> RunSpecFile.read(dir))
                .hasMessageContaining("unknown setting 'execution.concurency'");
        Files.writeString(dir.resolve("spec.json"), json.replace("\"concurrency\":3,", ""));
        assertThatThrownBy(() -> RunSpecFile.read(dir))
                .hasMessageContaining("setting 'execution.concurrency' is missing or of the wrong type");
        Files.writeString(dir.resolve("spec.json"), json.replace("\"concurrency\":3", "\"concurrency\":0"));
        assertThatThrownBy(() -> RunSpecFile.read(dir)).hasMessageContaining("concurrency must be >= 1, got 0")
                .hasMessageContaining("spec.json");
        Files.writeString(dir.resolve("spec.json"), "{\"spec\": {\"model\": \"openai:m\", \"concurrency\": 2}}");
        assertThatThrownBy(() -> RunSpecFile.read(dir)).hasMessageContaining("older tailgap");
    }
}
