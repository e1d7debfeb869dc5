package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.harness.gate.GateRuns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code tailgap gate} as CI meets it: exit codes, the summary, JUnit XML, Markdown and usage errors. */
class GateCommandTest {
    @TempDir
    static Path runs;

    @TempDir
    Path tmp;

    static Path baseline;
    static Path rerun;
    static Path regressed;

    @BeforeAll
    static void makeRuns() {
        baseline = GateRuns.demo(runs.resolve("baseline"), GateRuns.BASELINE);
        rerun = GateRuns.demo(runs.resolve("rerun"), GateRuns.RERUN);
        regressed = GateRuns.demo(runs.resolve("regressed"), GateRuns.REGRESSED);
    }

    private static CliTest.Result gate(Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("gate", run.toString()));
        args.addAll(List.of(more));
        return CliTest.tailgap(args.toArray(new String[0]));
    }

    @Test
    void aPlantedRegressionFailsWithExit3AndAReadableSummary() throws Exception {
        Path junit = tmp.resolve("reports/gate.xml");
        Path md = tmp.resolve("gate.md");
        CliTest.Result r = gate(regressed, "--baseline", baseline.toString(), "--rule", "tail.accuracy.drop <= 0.02",
                "--rule", "errors.rate <= 0.01", "--junit", junit.toString(), "--markdown", md.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("tailgap gate: " + regressed + " (openai:synthetic-reference) against "
                + "baseline " + baseline + " (openai:synthetic-reference)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FAIL  tail.accuracy.drop <= 0.02  tail (1e3-1e4): "
                + "accuracy drop ").contains(" over 80 paired items (").contains("one-sided score test of drop > 0.02: p = ")
                .contains("power ").endsWith("shown above 0.02 at alpha 0.05"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("PASS  errors.rate <= 0.01"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("gate FAILED: 1 of 2 rules failed");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(junit)));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("accuracy drop").contains("shown above 0.02 at alpha 0.05");
        assertThat(Files.readString(md)).startsWith("## tailgap gate: FAILED").contains("`tail.accuracy.drop <= 0.02`");
    }

    @Test
    void aRerunThatOnlyDiffersByNoisePassesWithExit0() {
        CliTest.Result r = gate(rerun, "--baseline", baseline.toString(), "--rule", "tail.accuracy.drop <= 0.02",
                "--rule", "tail.hallucination.rise <= 0.02", "--rule", "overall.accuracy.drop <= 0.02");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("gate PASSED: all 3 rules passed");
    }

    @Test
    void absoluteRulesOverBucketsGapErrorsSizesAndSlope() {
        CliTest.Result r = gate(baseline, "--rule", "tail.accuracy >= 0.3", "--rule", "tail.accuracy.lower >= 0.99",
                "--rule", "gap.accuracy <= 0.6", "--rule", "head.hallucination <= 0.2", "--rule", "errors.count <= 0",
                "--rule", "buckets.minSize >= 50", "--rule", "slope.perDecade.lower > 0", "--rule", "1e5-1e6.n >= 80",
                "--rule", "overall.precision >= 0.5");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("PASS  tail.accuracy >= 0.3  tail (1e3-1e4): accuracy ")
                .contains("FAIL  tail.accuracy.lower >= 0.99")
                .contains("FAIL  buckets.minSize >= 50  buckets (smallest: 1e7+): scored items 10; 10 is not >= 50")
                .contains("PASS  errors.count <= 0").contains("PASS  1e5-1e6.n >= 80")
                .contains("gap (1e6-1e7 minus 1e3-1e4)").contains("gate FAILED: 2 of 9 rules failed");
    }

    @Test
    void rulesComeFromARulesFileAndFromTheConfigFile() throws IOException {
        Path rules = Files.writeString(tmp.resolve("gate.yaml"), "alpha: 0.01\nrules:\n  - tail.accuracy.drop <= 0.02\n");
        CliTest.Result fromFile = gate(regressed, "--baseline", baseline.toString(), "--rules", rules.toString());
        assertThat(fromFile.code()).isEqualTo(3);
        assertThat(fromFile.out()).contains("alpha 0.01");

        Path config = Files.writeString(tmp.resolve("tailgap.yaml"), "baseline: " + baseline.toString().replace("\\", "/")
                + "\nalpha: 0.05\nrule:\n  - tail.accuracy.drop <= 0.02\n  - errors.rate <= 0.01\n");
        CliTest.Result fromConfig = gate(rerun, "--config", config.toString());
        assertThat(fromConfig.code()).as(fromConfig.err()).isZero();
        assertThat(fromConfig.out()).contains("all 2 rules passed");
    }

    @Test
    void usageMistakesExit2WithOneLine() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "rules:\n  - tail.accuracy >= 0.3\n  - tail.acc >= 1\n");
        assertUsage(gate(rerun, "--rules", bad.toString()), "bad.yaml:3:", "unknown metric 'acc'");
        assertUsage(gate(rerun, "--rule", "tail.accuracy.drop <= 0.02"), "pass --baseline");
        assertUsage(gate(rerun, "--rule", "rare.accuracy >= 0.3"), "no bucket 'rare'", "1e3-1e4");
        assertUsage(gate(rerun), "no rules");
        assertUsage(gate(rerun, "--rule", "tail.acc >= 1"), "--rule", "unknown metric");
        assertUsage(gate(tmp, "--rule", "tail.accuracy >= 0.3"), "is not a run directory");
        assertUsage(gate(rerun, "--rule", "tail.accuracy >= 0.3", "--alpha", "2"), "alpha");
    }

    @Test
    void aBaselineOnAnotherDatasetIsRefusedNamingBothHashes() throws IOException {
        Path data = tmp.resolve("cities.jsonl");
        try (var lines = Files.lines(Path.of(System.getProperty("basedir", "."))
                .resolve("../datasets/src/main/resources/dev/tailgap/datasets/bundled/world-cities.jsonl"))) {
            Files.write(data, lines.limit(300).toList());
        }
        Path other = GateRuns.demo(tmp.resolve("other"), GateRuns.BASELINE, "-d", data.toString());
        CliTest.Result r = gate(rerun, "--baseline", other.toString(), "--rule", "tail.accuracy.drop <= 0.02");
        assertUsage(r, "baseline " + other + " is a run on cities@", "but " + rerun + " is on world-cities@1.0.0",
                "a baseline must be a run on the same dataset");
        String shaOther = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(other.resolve("spec.json").toFile()).at("/dataset/sha256").asText();
        assertThat(r.err()).contains(shaOther);
    }

    @Test
    void theMarkdownIsAppendedToTheGitHubStepSummary() throws Exception {
        Path summary = Files.writeString(tmp.resolve("summary.md"), "earlier step\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gate", regressed.toString(),
                "--baseline", baseline.toString(), "--rule", "tail.accuracy.drop <= 0.02");
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor()).as(Files.readString(tmp.resolve("out.txt"))).isEqualTo(3);
        String text = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(text).startsWith("earlier step\n## tailgap gate: FAILED").contains("`tail.accuracy.drop <= 0.02`");
    }

    @Test
    void helpExplainsTheRulesAndExitCodes() {
        CliTest.Result r = CliTest.tailgap("gate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: tailgap gate").contains("tail.accuracy.drop <= 0.02")
                .contains("3  a rule failed");
        assertThat(CliTest.tailgap("--help").out()).contains("gate");
    }

    static void assertUsage(CliTest.Result r, String... parts) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(parts);
    }
}
