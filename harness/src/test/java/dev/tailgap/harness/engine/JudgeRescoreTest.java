package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.ScoringOptions;
import dev.tailgap.harness.sim.SimJudge;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JudgeAgreement;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rescoring saved runs, and the judge end to end over loopback HTTP against the synthetic judge of known accuracy. */
class JudgeRescoreTest {
    private static final double JUDGE_ACCURACY = 0.9;
    private static Dataset dataset;
    private static List<Item> items;
    private static SimServer server;
    private static SimJudge judge;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        dataset = DatasetFiles.load("world-cities", false);
        items = DatasetFiles.items(dataset);
        judge = SimJudge.of(items, JUDGE_ACCURACY, 11);
        server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS), 0, 16).withJudge(judge);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private RunSpec.Builder spec(Path out, String scorer) {
        return RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic")).execution(e -> e.withConcurrency(8)).scoring(s -> s.withScorer(scorer)).out(out);
    }

    private static RunSpec rescoring(Path from, String scorer, ScoringOptions options) {
        return RunSpecFile.read(from).toBuilder().scoring(s -> s.withScorer(scorer).withOptions(options)).build();
    }

    private RunResult run(String scorer, String name) {
        return new RunEngine(tmp, Progress.NONE, k -> null).run(spec(tmp.resolve(name), scorer).build());
    }

    @Test
    void rescoringWithExactThenContainsGivesTheReportsOfRunningWithEach() throws Exception {
        RunResult contains = run("contains", "contains");
        RunResult exact = run("exact", "exact");
        Rescorer rescorer = new Rescorer(k -> null, null);
        long before = server.requests();
        RunResult toExact = rescorer.rescore(contains.dir(), rescoring(contains.dir(), "exact",
                ScoringOptions.DEFAULTS), null, tmp.resolve("contains-exact"));
        RunResult back = rescorer.rescore(toExact.dir(), rescoring(toExact.dir(), "contains",
                ScoringOptions.DEFAULTS), null, tmp.resolve("contains-exact-contains"));
        assertThat(server.requests()).isEqualTo(before); // no model call
        assertSameNumbers(toExact.report(), exact.report());
        assertSameNumbers(back.report(), contains.report());
        assertThat(toExact.report().run()).containsEntry("scorer", "exact+refusals(v2)+hedged:answer");
        JsonNode spec = RunDirectory.JSON.readTree(toExact.dir().resolve(RunDirectory.SPEC).toFile());
        assertThat(spec.at("/settings/rescoredFrom/run").asText()).isEqualTo("contains");
        assertThat(spec.at("/settings/rescoredFrom/scorer").asText()).isEqualTo("contains+refusals(v2)+hedged:answer");
        assertThat(Files.readString(toExact.dir().resolve(RunDirectory.REPORT_JSON)))
                .isEqualTo(Files.readString(tmp.resolve("contains-exact").resolve(RunDirectory.REPORT_JSON)));
    }

    private static void assertSameNumbers(Report a, Report b) {
        assertThat(a.buckets()).isEqualTo(b.buckets());
        assertThat(a.overall()).isEqualTo(b.overall());
        assertThat(a.gap()).isEqualTo(b.gap());
        assertThat(a.relations()).isEqualTo(b.relations());
    }

    @Test
    void theJudgeAgreesWithTheTruthAsOftenAsItsAccuracySaysAndEveryVerdictIsRecorded() throws Exception {
        RunResult source = run("contains", "src");
        ScoringOptions judged = new ScoringOptions(HedgePolicy.ANSWER, Map.of(), "openai:sim-judge",
                server.baseUrl(), null, null);
        RunResult r;
        try (ResponseCache cache = ResponseCache.open(tmp.resolve("cache"))) {
            r = new Rescorer(k -> null, cache).rescore(source.dir(), rescoring(source.dir(), "judge", judged), null,
                    tmp.resolve("judged"));
            long before = server.requests();
            new Rescorer(k -> null, cache).rescore(source.dir(), rescoring(source.dir(), "judge", judged), null,
                    tmp.resolve("judged-again"));
            assertThat(server.requests()).as("the second judge pass answers from the cache, after one live reply "
                    + "that tells the judge's served identity").isEqualTo(before + 1);
        }
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        List<ItemResult> results = RunReports.items(r.dir());
        long asked = 0;
        long agree = 0;
        for (ItemResult it : results) {
            assertThat(it.reason()).isNotBlank();
            if (it.judge() == null) {
                assertThat(it.outcome()).isEqualTo(Outcome.ABSTAINED); // refusals are not sent to the judge
                continue;
            }
            asked++;
            assertThat(it.judge().judge()).startsWith("openai:sim-judge/template:");
            assertThat(it.judge().reply()).isNotBlank();
            if (it.judge().verdict().equals(judge.truth(it.question(), it.extracted()))) {
                agree++;
            }
        }
        Estimate agreement = dev.tailgap.harness.stats.Proportions.wilson(agree, asked);
        System.out.printf("synthetic judge (accuracy %.2f): agreed with the truth on %d of %d items = %.3f [%.3f, %.3f]%n",
                JUDGE_ACCURACY, agree, asked, agreement.value(), agreement.lower(), agreement.upper());
        assertThat(asked).isGreaterThan(200);
        assertThat(JUDGE_ACCURACY).isBetween(agreement.lower(), agreement.upper());
        assertThat(r.report().overall().errors()).isZero();

        List<JudgeAgreement> table = dev.tailgap.harness.scoring.JudgeAgreements.of(
                r.report().buckets().stream().map(dev.tailgap.reports.BucketStats::name).toList(), results);
        JudgeAgreement all = table.get(table.size() - 1);
        assertThat(all.bucket()).isEqualTo("all");
        assertThat(all.n()).isEqualTo(results.size());
        assertThat(all.kappa()).isBetween(0.5, 0.95);
        assertThat(Files.readString(r.dir().resolve(RunDirectory.REPORT_HTML))).contains("Judge vs rule");
    }

    @Test
    void aRunCanBeJudgedAsItGoesAndResumesUnderTheSameJudge() throws Exception {
        ScoringOptions judged = new ScoringOptions(HedgePolicy.ABSTAIN, Map.of(), "openai:sim-judge",
                server.baseUrl(), null, null);
        RunSpec s = spec(tmp.resolve("live"), "judge").sampling(x -> x.withLimit(120)).scoring(x -> x.withOptions(judged)).build();
        RunResult r = new RunEngine(tmp, Progress.NONE, k -> null).run(s);
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.report().run().get("scorer").toString()).startsWith("judge(openai:sim-judge/template:")
                .endsWith("+refusals(v2)+hedged:abstain");
        List<ItemResult> results = RunReports.items(r.dir());
        assertThat(results).hasSize(120).anySatisfy(it -> assertThat(it.judge()).isNotNull());
        RunSpec resumed = RunSpecFile.read(r.dir());
        assertThat(resumed.scoring().scorer()).isEqualTo("judge");
        assertThat(resumed.scoring().options()).isEqualTo(judged);
        Crashes.markRunning(r.dir()); // as a run killed after its last item leaves it
        long before = server.requests();
        RunResult again = new RunEngine(tmp, Progress.NONE, k -> null).run(resumed);
        assertThat(again.resumed()).isEqualTo(120);
        assertThat(server.requests()).isEqualTo(before);
    }

    @Test
    void aJudgeThatCannotBeReachedMakesErrorsNeverHallucinations() throws Exception {
        RunResult source = run("contains", "src2");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ScoringOptions unreachable = new ScoringOptions(HedgePolicy.ANSWER, Map.of(), "openai:sim-judge",
                "http://127.0.0.1:" + closed + "/v1", null, null);
        RunSpec s = rescoring(source.dir(), "judge", unreachable).toBuilder().execution(e -> e.withRetries(0).withRetryBackoff(Duration.ZERO)).build();
        RunResult r = new Rescorer(k -> null, null).rescore(source.dir(), s, null, tmp.resolve("unreachable"));
        long judged = 0;
        for (ItemResult it : RunReports.items(r.dir())) {
            assertThat(it.outcome()).isIn(Outcome.ERROR, Outcome.ABSTAINED);
            if (it.outcome() == Outcome.ERROR) {
                judged++;
                assertThat(it.error()).startsWith("judge call failed: ");
                assertThat(it.judge().verdict()).isNull();
                assertThat(it.judge().ruleOutcome()).isIn(Outcome.CORRECT, Outcome.HALLUCINATED);
            }
        }
        assertThat(judged).isGreaterThan(200);
        assertThat(r.report().overall().hallucinated()).isZero();
    }
}
