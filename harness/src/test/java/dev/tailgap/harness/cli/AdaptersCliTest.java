package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailgap.harness.SharedFiles;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters as the CLI uses them: listing, replaying a run, a command model, an in-process GGUF model. */
class AdaptersCliTest {
    @TempDir
    Path tmp;

    @Test
    void listAdaptersShowsEveryProviderWithItsDescription() {
        CliTest.Result r = CliTest.tailgap("list", "adapters");
        assertThat(r.code()).isZero();
        List<String> names = r.out().lines().map(l -> l.split("\\s+", 2)[0]).toList();
        assertThat(names).containsExactly("anthropic", "command", "gguf", "http", "ollama", "openai", "replay");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.split("\\s+", 2)[1]).isNotBlank());
    }

    @Test
    void replayReproducesAnEarlierRunWithoutAModelAndLetsScoringChange() throws IOException {
        Path first = tmp.resolve("first");
        CliTest.Result demo = CliTest.tailgap("demo", "--per-bucket", "15", "--out", first.toString(), "-q");
        assertThat(demo.code()).as(demo.err()).isZero();

        Path again = tmp.resolve("again");
        CliTest.Result same = CliTest.tailgap("run", "-m", "replay:" + first, "--per-bucket", "15", "--out",
                again.toString(), "-q");
        assertThat(same.code()).as(same.err()).isZero();
        Map<String, ItemResult> before = items(first);
        Map<String, ItemResult> after = items(again);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (ItemResult r : after.values()) {
            assertThat(r.rawAnswer()).isEqualTo(before.get(r.id()).rawAnswer());
            assertThat(r.outcome()).isEqualTo(before.get(r.id()).outcome());
            assertThat(r.completionTokens()).isEqualTo(before.get(r.id()).completionTokens());
        }

        Path exact = tmp.resolve("exact");
        CliTest.Result rescored = CliTest.tailgap("run", "-m", "replay:" + first, "--per-bucket", "15",
                "--scorer", "exact", "--out", exact.toString(), "-q");
        assertThat(rescored.code()).as(rescored.err()).isZero();
        assertThat(items(exact).values()).extracting(ItemResult::rawAnswer)
                .containsExactlyElementsOf(after.values().stream().map(ItemResult::rawAnswer).toList());

        CliTest.Result other = CliTest.tailgap("run", "-m", "replay:" + first, "--per-bucket", "16", "--out",
                tmp.resolve("other").toString(), "-q");
        assertThat(other.code()).isEqualTo(4);
        assertThat(other.err()).contains("is not in the replayed run").contains(first.toString());
    }

    @Test
    void aCommandModelRunsEndToEnd() throws IOException {
        Path script = tmp.resolve("model.sh");
        Files.writeString(script, "#!/bin/sh\nwhile IFS= read -r line; do\n"
                + "  echo \"asked: $line\" >&2\n"
                + "  printf '%s\\n' '{\"text\": \"France\", \"prompt_tokens\": 9, \"completion_tokens\": 1}'\n"
                + "done\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("command-run");
        CliTest.Result r = CliTest.tailgap("run", "-m", "command:sh '" + script + "'", "--limit", "12", "-c", "3",
                "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, ItemResult> items = items(out);
        assertThat(items).hasSize(12);
        assertThat(items.values()).allSatisfy(i -> {
            assertThat(i.rawAnswer()).isEqualTo("France");
            assertThat(i.promptTokens()).isEqualTo(9);
        });
    }

    /**
     * {@code tailgap run} with an in-process GGUF model, in its own JVM through {@code Main.main}: it must finish and
     * exit although llama.cpp can leave a non-daemon native thread behind.
     */
    @Test
    void ggufModelRunsEndToEndAndTheCliExits() throws Exception {
        Path model = SharedFiles.find("models/stories260K.gguf").orElse(null);
        assumeTrue(model != null, "shared test model stories260K.gguf is absent");
        Path out = tmp.resolve("gguf-run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "-m", "gguf:" + model, "-o", "ctx=256", "-o", "threads=2", "--limit", "5", "-c", "2",
                "--out", out.toString(), "-q"));
        Process p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout").toFile())
                .redirectError(tmp.resolve("stderr").toFile()).start();
        boolean exited = p.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String stdout = Files.readString(tmp.resolve("stdout"));
        String stderr = Files.readString(tmp.resolve("stderr"));
        assertThat(exited).as("tailgap exited; stderr: " + stderr).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stdout).contains("run directory").doesNotContain("Extracted");
        Map<String, ItemResult> items = items(out);
        assertThat(items).hasSize(5);
        assertThat(items.values()).allSatisfy(i -> {
            assertThat(i.outcome()).isNotEqualTo(Outcome.ERROR);
            assertThat(i.promptTokens()).isPositive();
            assertThat(i.completionTokens()).isBetween(0, 32);
        });
        assertThat(out.resolve("report.json")).exists();
    }

    private static Map<String, ItemResult> items(Path run) throws IOException {
        try (ItemLog.Reader r = ItemLog.read(run.resolve("items.jsonl"))) {
            return r.stream().collect(Collectors.toMap(ItemResult::id, i -> i, (a, b) -> b, TreeMap::new));
        }
    }
}
