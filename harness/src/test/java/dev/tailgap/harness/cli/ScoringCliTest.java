package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring on the command line: list scorers, rescore, report --bucketing, replay's defaults, dataset alias counts. */
class ScoringCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path demo(String name, String... extra) {
        Path out = tmp.resolve(name);
        String[] base = {"demo", "--per-bucket", "30", "--out", out.toString(), "-q"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliTest.Result r = tailgap(args);
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    @Test
    void listScorersDescribesEachOnOneLine() {
        CliTest.Result r = tailgap("list", "scorers");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("contains").contains("word boundaries"))
                .anySatisfy(l -> assertThat(l).startsWith("exact"))
                .anySatisfy(l -> assertThat(l).startsWith("f1").contains("threshold"))
                .anySatisfy(l -> assertThat(l).startsWith("regex").contains("patterns=FILE"))
                .anySatisfy(l -> assertThat(l).startsWith("judge").contains("--judge-model"));
        CliTest.Result bad = tailgap("list", "judges");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("tailgap: error: tailgap list knows: adapters, scorers, protocols, importers, formats, datasets (got 'judges')\n");
    }

    @Test
    void rescoreWritesANewRunThatNamesItsSourceAndMatchesARunWithThatScorer() throws Exception {
        Path contains = demo("contains");
        Path exact = demo("exact", "--scorer", "exact");
        Path rescored = tmp.resolve("rescored");
        CliTest.Result r = tailgap("rescore", contains.toString(), "--scorer", "exact", "--out", rescored.toString(),
                "--no-cache");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rescored " + contains + " with exact+refusals(v2)+hedged:answer");
        JsonNode a = JSON.readTree(rescored.resolve("report.json").toFile());
        JsonNode b = JSON.readTree(exact.resolve("report.json").toFile());
        assertThat(a.get("buckets")).isEqualTo(b.get("buckets"));
        assertThat(a.get("overall")).isEqualTo(b.get("overall"));
        assertThat(a.at("/run/rescoredFrom/run").asText()).isEqualTo("contains");

        CliTest.Result same = tailgap("rescore", contains.toString(), "--scorer", "exact", "--out",
                contains.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("give --out another directory");
        CliTest.Result unknown = tailgap("rescore", contains.toString(), "--scorer", "fuzzy", "--no-cache");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("tailgap: error: unknown scorer 'fuzzy'; known scorers: contains,");
        CliTest.Result noJudge = tailgap("rescore", contains.toString(), "--scorer", "judge", "--no-cache");
        assertThat(noJudge.code()).isEqualTo(2);
        assertThat(noJudge.err()).contains("scorer judge needs --judge-model");
    }

    @Test
    void reportRebucketsASavedRunWithoutTouchingIt() throws Exception {
        Path run = demo("run");
        String before = Files.readString(run.resolve("report.json"));
        CliTest.Result r = tailgap("report", run.toString(), "--bucketing", "quantile:2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("bucketing").asText()).isEqualTo("quantile:2");
        assertThat(report.get("buckets")).hasSize(2);
        assertThat(report.at("/overall/asked").asInt()).isEqualTo(JSON.readTree(before).at("/overall/asked").asInt());
        assertThat(Files.readString(run.resolve("report.json"))).isEqualTo(before);
        CliTest.Result html = tailgap("report", run.toString(), "--bucketing", "log10", "--format", "html");
        assertThat(html.code()).isEqualTo(2);
        assertThat(html.err()).contains("tailgap rescore");
    }

    @Test
    void replayTakesItsSettingsFromTheReplayedRun() throws Exception {
        Path run = demo("orig");
        Path replay = tmp.resolve("replay");
        CliTest.Result r = tailgap("run", "-m", "replay:" + run, "--scorer", "exact", "--out", replay.toString(),
                "--no-cache", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode a = JSON.readTree(replay.resolve("report.json").toFile());
        JsonNode b = JSON.readTree(run.resolve("report.json").toFile());
        assertThat(a.at("/overall/asked")).isEqualTo(b.at("/overall/asked"));
        assertThat(a.at("/run/sampling")).isEqualTo(b.at("/run/sampling"));
        assertThat(a.at("/run/scorer").asText()).startsWith("exact+");
    }

    @Test
    void datasetsInfoCountsItemsWithShortOrFunctionWordGolds() throws Exception {
        Path file = tmp.resolve("d.jsonl");
        Files.writeString(file, "{\"id\":\"1\",\"question\":\"Where is Denver?\",\"answers\":[\"United States\",\"US\"],"
                + "\"concept\":\"Denver\",\"frequency\":10}\n{\"id\":\"2\",\"question\":\"Where is Oslo?\","
                + "\"answers\":[\"Norway\"],\"concept\":\"Oslo\",\"frequency\":5}\n");
        CliTest.Result r = tailgap("datasets", "info", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("aliases    1 of 2 items (50.0%) have short or function-word golds (US); "
                + "guarded: they count only as the whole answer or a case-sensitive word");
    }
}
