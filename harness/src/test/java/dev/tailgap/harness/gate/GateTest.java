package dev.tailgap.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.stats.PairedMargin;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.GateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's numbers against a direct count over the two item logs. */
class GateTest {
    @TempDir
    static Path runs;

    static RunResults baseline;
    static RunResults regressed;

    @BeforeAll
    static void makeRuns() {
        baseline = RunResults.read(GateRuns.demo(runs.resolve("baseline"), GateRuns.BASELINE));
        regressed = RunResults.read(GateRuns.demo(runs.resolve("regressed"), GateRuns.REGRESSED));
    }

    /** outcome by id of the items of one bucket, read straight from items.jsonl. */
    private static Map<String, String> outcomes(RunResults run, String bucket) throws IOException {
        Map<String, String> m = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(run.label()).resolve("items.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.get("bucket").asText().equals(bucket)) {
                m.put(n.get("id").asText(), n.get("outcome").asText());
            }
        }
        return m;
    }

    @Test
    void pairsItemsByIdAndTestsTheDiscordantOnes() throws IOException {
        List<Rule> rules = List.of(Rule.parse("tail.accuracy.drop <= 0.02", null),
                Rule.parse("tail.hallucination.rise <= 0.02", null), Rule.parse("tail.accuracy.drop.lower <= 0", null));
        GateReport g = Gate.evaluate(rules, regressed, baseline, 0.05);

        Map<String, String> before = outcomes(baseline, "1e3-1e4");
        Map<String, String> after = outcomes(regressed, "1e3-1e4");
        assertThat(after.keySet()).isEqualTo(before.keySet()).hasSize(80);
        long worse = before.keySet().stream().filter(id -> before.get(id).equals("CORRECT")
                && !after.get(id).equals("CORRECT")).count();
        long better = before.keySet().stream().filter(id -> !before.get(id).equals("CORRECT")
                && after.get(id).equals("CORRECT")).count();
        long hWorse = before.keySet().stream().filter(id -> !before.get(id).equals("HALLUCINATED")
                && after.get(id).equals("HALLUCINATED")).count();
        long hBetter = before.keySet().stream().filter(id -> before.get(id).equals("HALLUCINATED")
                && !after.get(id).equals("HALLUCINATED")).count();

        GateResult drop = g.results().get(0);
        assertThat(drop.paired().pairs()).isEqualTo(80);
        assertThat(drop.paired().worse()).isEqualTo(worse);
        assertThat(drop.paired().better()).isEqualTo(better);
        assertThat(drop.observed().value()).isCloseTo((worse - better) / 80.0, offset(1e-15));
        assertThat(drop.paired().pValue()).isEqualTo(PairedMargin.pAbove(worse, better, 80, 0.02));
        assertThat(drop.paired().power()).isCloseTo(
                PairedMargin.power(80, 0.02, 0.12, (worse + better) / 80.0, 0.05), offset(1e-15));
        assertThat(drop.paired().powerAt()).isEqualTo(0.12);
        assertThat(worse - better).as("the planted regression is large").isGreaterThan(15);
        assertThat(drop.passed()).isFalse();

        GateResult rise = g.results().get(1);
        assertThat(rise.paired().worse()).isEqualTo(hWorse);
        assertThat(rise.paired().better()).isEqualTo(hBetter);
        // Holm over the two rules judged by their test: the smaller p doubled, the larger kept (or raised to it)
        double p1 = drop.paired().pValue();
        double p2 = rise.paired().pValue();
        assertThat(Math.min(drop.paired().adjustedPValue(), rise.paired().adjustedPValue()))
                .isCloseTo(Math.min(1, 2 * Math.min(p1, p2)), offset(1e-15));
        // the interval-bound rule is not part of the family and is judged on the bound alone
        GateResult lower = g.results().get(2);
        assertThat(lower.paired().adjustedPValue()).isEqualTo(lower.paired().pValue());
        assertThat(lower.passed()).isEqualTo(lower.observed().lower() <= 0);
    }

    @Test
    void aDropThatIsNotSignificantPassesAndOneWithinToleranceToo() {
        // against itself nothing changed: drop 0, p = 1
        GateReport same = Gate.evaluate(List.of(Rule.parse("tail.accuracy.drop <= 0", null)), baseline, baseline, 0.05);
        GateResult r = same.results().get(0);
        assertThat(r.observed().value()).isZero();
        assertThat(r.paired().pValue()).isEqualTo(1.0);
        assertThat(r.passed()).isTrue();
        // a huge tolerance: the drop is clearly above 0 but not shown above 0.9
        GateReport tolerant = Gate.evaluate(List.of(Rule.parse("tail.accuracy.drop <= 0.9", null)), regressed,
                baseline, 0.05);
        assertThat(tolerant.results().get(0).paired().significant()).isFalse();
        assertThat(tolerant.passed()).isTrue();
        // a tiny alpha: the excess is there but not significant at that level
        GateReport strict = Gate.evaluate(List.of(Rule.parse("tail.accuracy.drop <= 0.02", null)), regressed,
                baseline, 1e-12);
        assertThat(strict.results().get(0).thresholdMet()).isFalse();
        assertThat(strict.passed()).isTrue();
        assertThat(strict.results().get(0).verdict()).endsWith("but not shown above it at alpha 0.000000000001");
    }

    @Test
    void aNonInferiorityRulePassesOnlyWhenTheDropIsShownBelowTheMargin() {
        // the same run against itself: no change at all, shown below a margin of 0.10 at 80 pairs
        GateReport same = Gate.evaluate(List.of(Rule.parse("tail.accuracy.noninferior <= 0.10", null),
                Rule.parse("tail.accuracy.noninferior <= 0.001", null)), baseline, baseline, 0.05);
        GateResult wide = same.results().get(0);
        assertThat(wide.paired().nonInferiority()).isTrue();
        assertThat(wide.paired().pValue()).isEqualTo(PairedMargin.pBelow(0, 0, 80, 0.10));
        assertThat(wide.passed()).isTrue();
        assertThat(wide.verdict()).isEqualTo("0.000 shown below 0.1 at alpha 0.05");
        // a margin too narrow for 80 pairs cannot be shown, even with no change: the release claim fails
        GateResult narrow = same.results().get(1);
        assertThat(narrow.passed()).isFalse();
        assertThat(narrow.verdict()).endsWith("non-inferiority not established");
        assertThat(narrow.summary()).contains("one-sided score test of drop < 0.001", "power ");
        // the planted regression is never non-inferior
        GateReport worse = Gate.evaluate(List.of(Rule.parse("tail.accuracy.noninferior <= 0.10", null)), regressed,
                baseline, 0.05);
        assertThat(worse.passed()).isFalse();
    }

    @Test
    void headTailAndGapRulesOnTooSmallBucketsFailSayingSo() {
        // 80 items were asked per bucket (10 in 1e7+): with a minimum of 81 no bucket qualifies
        SavedRun strict = new SavedRun(baseline.saved().settings(), baseline.saved().dataset(),
                baseline.saved().bucketing(), 81);
        RunResults run = RunResults.of("strict", strict, RunReports.items(runs.resolve("baseline")));
        GateReport g = Gate.evaluate(List.of(Rule.parse("head.accuracy >= 0", null),
                Rule.parse("gap.accuracy <= 1", null), Rule.parse("overall.accuracy >= 0", null)), run, null, 0.05);
        assertThat(g.results().get(0).passed()).isFalse();
        assertThat(g.results().get(0).summary()).contains("bucket too small (n = 10 < 81)",
                "no bucket has at least 81 scored items (1e7+ n = 10, 1e3-1e4 n = 80)");
        assertThat(g.results().get(1).passed()).isFalse();
        assertThat(g.results().get(1).summary()).contains("bucket too small (n = 10 < 81)");
        assertThat(g.results().get(2).passed()).isTrue();
    }

    @Test
    void overallOfAPerBucketRunIsBucketWeightedAndUndefinedWhenABucketHasNoScoredItem() {
        assertThat(baseline.report().weighted()).isTrue();
        GateReport all = Gate.evaluate(List.of(Rule.parse("overall.accuracy >= 0", null)), baseline, null, 0.05);
        assertThat(all.results().get(0).observed()).isEqualTo(baseline.report().overall().accuracy());
        assertThat(all.results().get(0).observed().value())
                .isNotEqualTo(baseline.report().pooled().accuracy().value());
        List<dev.tailgap.reports.ItemResult> withoutTail = RunReports.items(runs.resolve("baseline")).stream()
                .filter(r -> !r.bucket().equals("1e3-1e4")).toList();
        RunResults partial = RunResults.of("partial", baseline.saved(), withoutTail);
        GateReport g = Gate.evaluate(List.of(Rule.parse("overall.accuracy >= 0", null)), partial, null, 0.05);
        assertThat(g.passed()).isFalse();
        assertThat(g.results().get(0).summary()).contains("bucket-weighted estimate is undefined");
    }

    @Test
    void headAndTailAreTheGapsBucketsAndAnEmptyBucketFails() {
        GateReport g = Gate.evaluate(List.of(Rule.parse("head.accuracy >= 0", null),
                Rule.parse("1e7+.accuracy >= 0", null), Rule.parse("tail.accuracy >= 0", null)), baseline, null, 0.05);
        // 1e7+ holds only 10 items: flagged small, so the gap's head is the next bucket
        assertThat(g.results().get(0).subject()).isEqualTo("head (1e6-1e7)");
        assertThat(g.results().get(1).subject()).isEqualTo("1e7+");
        assertThat(g.results().get(2).subject()).isEqualTo("tail (1e3-1e4)");
        assertThat(g.passed()).isTrue();
    }
}
