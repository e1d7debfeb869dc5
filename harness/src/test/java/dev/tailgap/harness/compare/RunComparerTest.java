package dev.tailgap.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.Comparison.PairedBucket;
import dev.tailgap.reports.Comparison.PairedComparison;
import dev.tailgap.reports.ComparisonHtml;
import dev.tailgap.reports.ComparisonJson;
import dev.tailgap.reports.ComparisonMarkdown;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paired comparison of saved runs: statistics against scipy, behaviour on two synthetic models, refusals. */
class RunComparerTest {
    @TempDir
    Path tmp;

    static Path fixture(String run) {
        try {
            return Path.of(RunComparerTest.class.getResource("/compare/" + run + "/spec.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode reference() throws IOException {
        try (InputStream in = RunComparerTest.class.getResourceAsStream("/compare/reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void pairedCountsMcNemarAndHolmMatchTheScipyReference() throws IOException {
        Comparison c = RunComparer.compare(List.of(fixture("a"), fixture("b"), fixture("c")), "tailgap test");
        JsonNode ref = reference().get("pairs");
        assertThat(c.pairs()).hasSize(ref.size());
        int checked = 0;
        for (int i = 0; i < ref.size(); i++) {
            PairedComparison p = c.pairs().get(i);
            assertThat(p.other()).isEqualTo(ref.get(i).get("other").asText());
            assertThat(p.baseline()).isEqualTo("fixture:a");
            JsonNode rows = ref.get(i).get("buckets");
            for (int b = 0; b < rows.size(); b++) {
                JsonNode want = rows.get(b);
                PairedBucket got = p.buckets().get(b);
                String at = p.other() + " " + got.bucket();
                assertThat(got.bucket()).isEqualTo(want.get("bucket").asText());
                assertThat(new int[] {got.bothCorrect(), got.baselineOnly(), got.otherOnly(), got.neither(),
                        got.unpaired()}).as(at).containsExactly(want.get("bothCorrect").asInt(),
                        want.get("baselineOnly").asInt(), want.get("otherOnly").asInt(), want.get("neither").asInt(),
                        want.get("unpaired").asInt());
                assertThat(got.pValue()).as(at + " p").isCloseTo(want.get("pValue").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
                assertThat(got.adjustedP()).as(at + " Holm").isCloseTo(want.get("adjustedP").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
                assertThat(got.significant()).isEqualTo(want.get("adjustedP").asDouble() < 0.05);
                assertThat(got.difference().value()).as(at + " difference")
                        .isEqualTo((double) (got.otherOnly() - got.baselineOnly()) / got.pairs());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
        // hallucination and abstention: the same paired test of their rates
        for (int i = 0; i < ref.size(); i++) {
            for (String outcome : List.of("hallucination", "abstention")) {
                JsonNode rows = ref.get(i).get(outcome);
                List<Comparison.PairedRate> got = outcome.equals("hallucination") ? c.pairs().get(i).hallucination()
                        : c.pairs().get(i).abstention();
                assertThat(got).hasSize(rows.size());
                for (int b = 0; b < rows.size(); b++) {
                    JsonNode want = rows.get(b);
                    Comparison.PairedRate r = got.get(b);
                    String at = outcome + " " + r.bucket();
                    assertThat(r.bucket()).isEqualTo(want.get("bucket").asText());
                    assertThat(new int[] {r.pairs(), r.baselineOnly(), r.otherOnly()}).as(at).containsExactly(
                            want.get("pairs").asInt(), want.get("baselineOnly").asInt(), want.get("otherOnly").asInt());
                    assertEstimate(want.get("difference"), r.difference(), at);
                    assertThat(r.pValue()).as(at + " p").isCloseTo(want.get("pValue").asDouble(),
                            org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(r.adjustedP()).as(at + " Holm").isCloseTo(want.get("adjustedP").asDouble(),
                            org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(r.significant()).isEqualTo(want.get("adjustedP").asDouble() < 0.05);
                }
            }
        }
        assertThat(ComparisonMarkdown.render(c)).contains("\u0394 H (95% CI)").contains("\u0394 M (95% CI)")
                .contains("hallucination and abstention rates minus the baseline");
        for (int i = 0; i < ref.size(); i++) {
            JsonNode want = ref.get(i).get("gap");
            Comparison.GapShift got = c.pairs().get(i).gap();
            assertThat(got.head()).isEqualTo(want.get("head").asText());
            assertThat(got.tail()).isEqualTo(want.get("tail").asText());
            assertEstimate(want.get("before"), got.before(), "before");
            assertEstimate(want.get("after"), got.after(), "after");
            assertEstimate(want.get("headChange"), got.headChange(), "head change");
            assertEstimate(want.get("tailChange"), got.tailChange(), "tail change");
            assertEstimate(want.get("change"), got.change(), "change");
            // the closed form against a stratified paired bootstrap of the same items
            assertThat(got.change().lower()).isCloseTo(want.get("bootstrap").get(0).asDouble(),
                    org.assertj.core.data.Offset.offset(0.03));
            assertThat(got.change().upper()).isCloseTo(want.get("bootstrap").get(1).asDouble(),
                    org.assertj.core.data.Offset.offset(0.03));
        }
        // run b's tail rose: the gap narrowed, and the text says it was the tail, not the head
        assertThat(ComparisonMarkdown.render(c)).contains("The gap narrowed because the tail rose")
                .contains("The gap narrowed because the head fell");
        // the fixture's tail difference is real, its head difference is not
        assertThat(c.pairs().get(0).buckets().get(2).significant()).isTrue();
        assertThat(c.pairs().get(0).buckets().get(0).significant()).isFalse();
        assertThat(c.pairs().get(1).buckets()).noneMatch(PairedBucket::significant);
    }

    private static void assertEstimate(JsonNode want, dev.tailgap.reports.Estimate got, String what) {
        assertThat(got.value()).as(what).isCloseTo(want.get(0).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.lower()).as(what).isCloseTo(want.get(1).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.upper()).as(what).isCloseTo(want.get(2).asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheItemLogs() throws IOException {
        Path a = copy(fixture("a"), tmp.resolve("a"), 1);
        Path b = copy(fixture("b"), tmp.resolve("b"), 2);
        Comparison shuffled = RunComparer.compare(List.of(a, b), "t");
        Comparison original = RunComparer.compare(List.of(fixture("a"), fixture("b")), "t");
        assertThat(ComparisonJson.render(shuffled)).isEqualTo(ComparisonJson.render(original));
        assertThat(ComparisonHtml.render(shuffled)).isEqualTo(ComparisonHtml.render(original));
    }

    @Test
    void anItemAskedAgainCountsByItsLastLineInEveryRun() throws IOException {
        Path a = withEarlierAnswers(fixture("a"), tmp.resolve("a"));
        Path b = withEarlierAnswers(fixture("b"), tmp.resolve("b"));
        Path c = withEarlierAnswers(fixture("c"), tmp.resolve("c"));
        Comparison again = RunComparer.compare(List.of(a, b, c), "t");
        Comparison original = RunComparer.compare(List.of(fixture("a"), fixture("b"), fixture("c")), "t");
        assertThat(again.disagreements()).isEqualTo(original.disagreements());
        assertThat(again.disagreements().items()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.answers()).noneMatch(x -> x != null && x.startsWith("earlier")));
        for (int i = 0; i < again.pairs().size(); i++) {
            assertThat(again.pairs().get(i).buckets()).isEqualTo(original.pairs().get(i).buckets());
        }
    }

    @Test
    void aRunWithoutAnItemLogPairsWithNothing() throws IOException {
        Path empty = copy(fixture("b"), tmp.resolve("empty"), 0);
        Files.delete(empty.resolve("items.jsonl"));
        Comparison c = RunComparer.compare(List.of(fixture("a"), empty), "t", true);
        assertThat(c.disagreements().total()).isZero();
        assertThat(c.disagreements().items()).isEmpty();
        assertThat(c.pairs().get(0).overall().unpaired()).isPositive();
    }

    @Test
    void runsOnDifferentDatasetsAreRefusedNamingBothRunsAndHashes() throws IOException {
        Path other = copy(fixture("b"), tmp.resolve("other"), 0);
        Path spec = other.resolve("spec.json");
        Files.writeString(spec, Files.readString(spec).replace("5ca1ab1e5ca1ab1e", "0ddba11000000000"));
        assertThatThrownBy(() -> RunComparer.compare(List.of(fixture("a"), other), "t"))
                .isInstanceOfSatisfying(TailgapException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining(fixture("a").toString()).hasMessageContaining(other.toString())
                .hasMessageContaining("5ca1ab1e5ca1ab1e").hasMessageContaining("0ddba11000000000")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /**
     * Two synthetic models with the same midpoint, one with a much higher floor: the comparison flags the tail as
     * significantly better for the second and the head as not different.
     */
    @Test
    void aHigherFloorIsSignificantInTheTailAndNotInTheHead() throws Exception {
        Dataset dataset = DatasetFiles.load("world-cities", false);
        SimParams low = SimParams.DEFAULTS;
        SimParams high = new SimParams(low.midpoint(), low.steepness(), 0.35, low.ceiling(),
                low.hallucinationShare(), low.seed(), 0);
        Path first = run(dataset, low, "low");
        Path second = run(dataset, high, "high");
        Comparison c = RunComparer.compare(List.of(first, second), "t");
        PairedComparison p = c.pairs().get(0);
        String head = c.runs().get(0).report().gap().head();
        String tail = c.tail();
        PairedBucket tailRow = p.buckets().stream().filter(b -> b.bucket().equals(tail)).findFirst().orElseThrow();
        PairedBucket headRow = p.buckets().stream().filter(b -> b.bucket().equals(head)).findFirst().orElseThrow();
        assertThat(tailRow.significant()).as("tail %s", tailRow).isTrue();
        assertThat(tailRow.difference().lower()).isGreaterThan(0);
        assertThat(headRow.significant()).as("head %s", headRow).isFalse();
        assertThat(c.ranking().get(0).label()).isEqualTo(c.runs().get(1).label());
        assertThat(c.disagreements().total()).isPositive();
        assertThat(ComparisonMarkdown.render(c)).contains("significantly more accurate in").contains(tail);
    }

    private Path run(Dataset dataset, SimParams params, String name) throws IOException {
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(dataset), params), 0, 16)) {
            RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                    .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic " + params.describe())).execution(e -> e.withConcurrency(8))
                    .out(tmp.resolve(name)).build();
            RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
            assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
            return r.dir();
        }
    }

    /**
     * Copies a run directory, its item log preceded by an earlier line for every item, with another answer and the
     * opposite outcome (as a resumed run that asked them again would have it).
     */
    static Path withEarlierAnswers(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("spec.json"), to.resolve("spec.json"));
        List<String> lines = new ArrayList<>();
        List<String> last = Files.readAllLines(from.resolve("items.jsonl"));
        for (String line : last) {
            lines.add(line.replace("\"rawAnswer\":\"", "\"rawAnswer\":\"earlier ")
                    .replace("\"outcome\":\"CORRECT\"", "\"outcome\":\"WAS\"")
                    .replace("\"outcome\":\"HALLUCINATED\"", "\"outcome\":\"CORRECT\"")
                    .replace("\"outcome\":\"WAS\"", "\"outcome\":\"HALLUCINATED\""));
        }
        lines.addAll(last);
        Files.write(to.resolve("items.jsonl"), lines);
        return to;
    }

    /** Copies a run directory, shuffling its item log with the given seed (0 keeps the order). */
    static Path copy(Path from, Path to, long seed) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("spec.json"), to.resolve("spec.json"));
        List<String> lines = new ArrayList<>(Files.readAllLines(from.resolve("items.jsonl")));
        if (seed != 0) {
            Collections.shuffle(lines, new Random(seed));
        }
        Files.write(to.resolve("items.jsonl"), lines);
        return to;
    }
}
