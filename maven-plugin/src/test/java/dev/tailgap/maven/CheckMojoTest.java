package dev.tailgap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal on the committed run fixtures and on a run it makes itself against the synthetic model over loopback
 * HTTP. The plugin inside a real Maven build is covered by the invoker integration tests under src/it.
 */
class CheckMojoTest {
    static final Path FIXTURES = Path.of(System.getProperty("basedir", ".")).resolve("src/it-fixtures");

    @TempDir
    Path tmp;

    private CheckMojo mojo(String... rules) {
        CheckMojo m = new CheckMojo();
        m.rules = List.of(rules);
        m.junitFile = tmp.resolve("gate.xml").toFile();
        m.markdownFile = tmp.resolve("gate.md").toFile();
        m.dataset = "world-cities";
        m.seed = 1234L;
        m.concurrency = 8;
        m.out = tmp.resolve("run").toFile();
        return m;
    }

    @Test
    void thePlantedRegressionFailsTheBuildWithTheSummary() {
        CheckMojo m = mojo("tail.accuracy.drop <= 0.02");
        m.runDir = FIXTURES.resolve("regressed").toFile();
        m.baseline = FIXTURES.resolve("baseline").toFile();
        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("FAIL  tail.accuracy.drop <= 0.02")
                .hasMessageContaining("shown above 0.02 at alpha 0.05")
                .hasMessageContaining("gate FAILED: 1 of 1 rule failed");
        assertThat(tmp.resolve("gate.xml")).content().contains("failures=\"1\"");
    }

    @Test
    void noiseAloneDoesNotFailTheBuild() throws Exception {
        CheckMojo m = mojo("tail.accuracy.drop <= 0.02", "tail.hallucination.rise <= 0.02");
        m.runDir = FIXTURES.resolve("rerun").toFile();
        m.baseline = FIXTURES.resolve("baseline").toFile();
        m.execute();
        assertThat(tmp.resolve("gate.md")).content().startsWith("## tailgap gate: passed");
    }

    @Test
    void runsTheSpecThroughTheHarnessWhenNoRunDirIsGiven() throws Exception {
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities",
                false)), SimParams.DEFAULTS), 0, 16)) {
            CheckMojo m = mojo("head.accuracy >= 0.5", "errors.rate <= 0.01");
            m.model = "openai:" + SimServer.MODEL_ID;
            m.baseUrl = server.baseUrl();
            m.perBucket = 30;
            m.execute();
            assertThat(tmp.resolve("run/items.jsonl")).exists();
            assertThat(Files.readAllLines(tmp.resolve("run/items.jsonl"))).hasSizeGreaterThan(50);

            CheckMojo strict = mojo("tail.accuracy >= 0.9");
            strict.model = m.model;
            strict.baseUrl = m.baseUrl;
            strict.perBucket = 30;
            assertThatThrownBy(strict::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("FAIL  tail.accuracy >= 0.9");
        }
    }

    @Test
    void configurationMistakesAreBuildErrorsAndSkipSkips() throws Exception {
        CheckMojo none = mojo("tail.accuracy >= 0.3");
        assertThatThrownBy(none::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("set runDir");
        CheckMojo bad = mojo("tail.acuracy >= 0.3");
        bad.runDir = FIXTURES.resolve("rerun").toFile();
        assertThatThrownBy(bad::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown metric 'acuracy'");
        CheckMojo noBaseline = mojo("tail.accuracy.drop <= 0.02");
        noBaseline.runDir = FIXTURES.resolve("rerun").toFile();
        assertThatThrownBy(noBaseline::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("--baseline");
        CheckMojo skipped = mojo("tail.accuracy >= 0.99");
        skipped.runDir = new File("does-not-exist");
        skipped.skip = true;
        skipped.execute();
    }
}
