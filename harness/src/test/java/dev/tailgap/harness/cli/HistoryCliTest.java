package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.history.GateRecord;
import dev.tailgap.harness.history.RunEntry;
import dev.tailgap.harness.history.RunIndex;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs over time, end to end: three runs of the synthetic model served over loopback with different parameters (the
 * third knows rare cities less well), registered in the runs index as they finish, and a run whose endpoint is gone
 * (registered as stopped); {@code runs list}, {@code runs show}, {@code trend} (which marks the one run that changed
 * significantly) and {@code gate --baseline latest:TAG}.
 */
class HistoryCliTest {
    @TempDir
    static Path work;

    @TempDir
    Path tmp;

    static Path runs;
    static Path first;
    static Path noise;
    static Path dropped;
    static Path dead;

    /**
     * The defaults; another seed (noise only); then, with that seed, a steeper curve with a higher midpoint: rare
     * cities are known less often (tail accuracy falls) while the head stays as it was.
     */
    static final SimParams BASE = SimParams.DEFAULTS;
    static final SimParams NOISE = new SimParams(4.5, 1.5, 0.02, 0.95, 0.6, 8, 0);
    static final SimParams TAIL_DROP = new SimParams(4.7, 2.0, 0.02, 0.95, 0.6, 8, 0);

    @BeforeAll
    static void threeRunsAndAStoppedOne() throws Exception {
        runs = work.resolve("runs");
        first = run("n1", BASE, "1.0");
        noise = run("n2", NOISE, "1.1");
        dropped = run("n3", TAIL_DROP, "1.10");
        dead = runs.resolve("dead");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliTest.Result r = CliTest.tailgap("run", "-m", "openai:m", "--base-url", "http://127.0.0.1:" + port + "/v1",
                "--retries", "0", "--limit", "40", "--out", dead.toString(), "--runs-dir", runs.toString(), "-q");
        assertThat(r.code()).as(r.err()).isEqualTo(4);
    }

    static Path run(String name, SimParams params, String release) throws Exception {
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(DatasetFiles.load("world-cities",
                false)), params), 0, 8)) {
            Path out = runs.resolve(name);
            CliTest.Result r = CliTest.tailgap("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url",
                    server.baseUrl(), "-d", "world-cities", "--per-bucket", "150", "--out", out.toString(),
                    "--runs-dir", runs.toString(), "--no-cache", "-q", "--tag", "series=nightly", "--tag",
                    "release=" + release);
            assertThat(r.code()).as(r.err()).isZero();
            return out;
        }
    }

    private static List<String> lines(CliTest.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void helpOnEveryNewCommand() {
        for (List<String> cmd : List.of(List.of("runs"), List.of("runs", "list"), List.of("runs", "show"),
                List.of("runs", "add"), List.of("runs", "reindex"), List.of("trend"))) {
            List<String> args = new java.util.ArrayList<>(cmd);
            args.add("--help");
            CliTest.Result r = CliTest.tailgap(args.toArray(new String[0]));
            assertThat(r.code()).as("%s --help", cmd).isZero();
            assertThat(r.out()).as("%s --help", cmd).contains("Usage: tailgap " + String.join(" ", cmd))
                    .doesNotContain("%n").contains(cmd.size() == 1 && cmd.get(0).equals("runs") ? "reindex"
                            : "--runs-dir");
        }
        assertThat(CliTest.tailgap("trend", "--help").out()).contains("(95% intervals)");
        assertThat(CliTest.tailgap("gate", "--help").out()).contains("--baseline=RUN_DIR|latest:TAG");
        CliTest.Result bad = CliTest.tailgap("runs", "list", "--runs-dir", runs.toString(), "--tag", "=x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("tailgap: error: --tag '=x': expected KEY=VALUE (e.g. series=nightly) "
                + "or KEY");
    }

    @Test
    void everyRunRegistersWhenItEndsAndIsListedNewestFirst() {
        try (RunIndex index = RunIndex.open(runs)) {
            assertThat(index.all()).extracting(RunEntry::status).containsExactly(RunEntry.Status.STOPPED,
                    RunEntry.Status.COMPLETE, RunEntry.Status.COMPLETE, RunEntry.Status.COMPLETE);
        }
        List<String> all = lines(CliTest.tailgap("runs", "list", "--runs-dir", runs.toString()));
        assertThat(all.get(0).split("\\s+")).containsExactly("when", "model", "dataset", "n", "overall", "tail", "gap",
                "state", "tags", "dir");
        assertThat(all).hasSize(6);
        assertThat(all.get(2)).contains("openai:m", "stopped (incomplete)").endsWith(dead.toString());
        assertThat(all.get(3)).contains("openai:synthetic-reference", "world-cities@1.0.0", " 610 ", "complete",
                "release=1.10 series=nightly").endsWith(dropped.toString());
        assertThat(all.get(5)).endsWith(first.toString());

        List<String> series = lines(CliTest.tailgap("runs", "list", "--runs-dir", runs.toString(), "--tag",
                "series=nightly", "--limit", "2"));
        assertThat(series).hasSize(4);
        assertThat(series.get(3)).contains("release=1.1 ").endsWith(noise.toString());
        assertThat(lines(CliTest.tailgap("runs", "list", "--runs-dir", runs.toString(), "--tag", "release=1.0",
                "--dataset", "world-cities", "--model", "openai:synthetic-reference"))).hasSize(3);
        assertThat(lines(CliTest.tailgap("runs", "list", "--runs-dir", runs.toString(), "--model", "openai:other")))
                .containsExactly("no runs match (4 runs in " + runs + ")");
    }

    @Test
    void showGivesTheSummaryAndTheReportsPaths() {
        List<String> shown = lines(CliTest.tailgap("runs", "show", "--runs-dir", runs.toString(), "n3"));
        assertThat(shown).contains("run:      " + dropped, "tags:     release=1.10 series=nightly");
        assertThat(shown).anySatisfy(l -> assertThat(l).startsWith("state:    complete (610 of 610 planned"));
        assertThat(shown).anySatisfy(l -> assertThat(l).startsWith("tail:     1e3-1e4 accuracy "));
        assertThat(shown).contains("  " + dropped.resolve("report.html"), "  " + dropped.resolve("report.md"),
                "  " + dropped.resolve("report.json"));
        assertThat(lines(CliTest.tailgap("runs", "show", dead.toString()))).anySatisfy(l -> assertThat(l)
                .startsWith("state:    stopped (incomplete) (1 of 40 planned items asked, 0 scored)"));
        CliTest.Result ambiguous = CliTest.tailgap("runs", "show", "--runs-dir", runs.toString(), "n");
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).startsWith("tailgap: error: 3 runs in " + runs + " have a name starting with 'n'");
    }

    @Test
    void trendMarksTheOneSignificantChange() throws IOException {
        Path out = tmp.resolve("trend");
        List<String> printed = lines(CliTest.tailgap("trend", "--runs-dir", runs.toString(), "--tag",
                "series=nightly", "--order-by", "release", "--out", out.toString()));
        assertThat(printed.get(0)).isEqualTo("3 runs, ordered by the value of the tag release; 1 significant change "
                + "against the run before");
        assertThat(printed).anySatisfy(l -> assertThat(l).startsWith("  1.1 -> 1.10: tail down "));
        assertThat(printed).noneSatisfy(l -> assertThat(l).contains("1.0 -> 1.1:"));
        assertThat(printed).noneSatisfy(l -> assertThat(l).contains(": head "));
        String md = Files.readString(out.resolve("trend.md"));
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).contains("`1.0`").matches(".*\\| \u2014 +\\|");
        assertThat(rows.get(2)).contains("`1.1`", "no significant change");
        assertThat(rows.get(3)).contains("`1.10`", "**tail \u25bc -").doesNotContain("**head");
        assertThat(md).contains("- `1.1` \u2192 `1.10`: tail accuracy -", "exact McNemar p = ",
                " over 150 paired items");
        assertThat(Files.readString(out.resolve("trend.html"))).contains("<svg id=\"chart-accuracy\"");

        Path byDirs = tmp.resolve("dirs");
        List<String> fromDirs = lines(CliTest.tailgap("trend", dropped.toString(), first.toString(), noise.toString(),
                "--out", byDirs.toString()));
        assertThat(fromDirs.get(0)).isEqualTo("3 runs, ordered by time; 1 significant change against the run before");
        assertThat(fromDirs).anySatisfy(l -> assertThat(l).startsWith("  n2 -> n3: tail down "));

        CliTest.Result incomplete = CliTest.tailgap("trend", first.toString(), dead.toString(), "--out",
                byDirs.toString());
        assertThat(incomplete.code()).isEqualTo(2);
        assertThat(incomplete.err()).contains("run " + dead + " is incomplete").contains("--allow-incomplete");
        CliTest.Result none = CliTest.tailgap("trend", "--runs-dir", runs.toString(), "--tag", "series=weekly");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no run in " + runs + " is tagged series=weekly");
    }

    @Test
    void gateTakesTheLastPassingRunOfTheSeriesAsBaseline() throws IOException {
        Path copy = tmp.resolve("runs");
        for (Path d : List.of(first, noise, dropped)) {
            copyRun(d, copy.resolve(d.getFileName()));
        }
        Path c1 = copy.resolve("n1");
        Path c2 = copy.resolve("n2");
        Path c3 = copy.resolve("n3");
        String latest = "latest:series=nightly";
        String drop = "tail.accuracy.drop <= 0.02";

        // nothing gated yet: the latest complete run of the series before n3, the copied-in n2
        CliTest.Result r = CliTest.tailgap("gate", c3.toString(), "--runs-dir", copy.toString(), "--baseline", latest,
                "--rule", drop);
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).startsWith("baseline " + latest + ": " + c2 + "\n");
        assertThat(r.out()).contains("FAIL  " + drop);
        assertThat(gate(c3)).isFalse();

        // n2 against n1 passes and is recorded; n1 then fails an absolute rule
        assertThat(CliTest.tailgap("gate", c2.toString(), "--runs-dir", copy.toString(), "--baseline", latest,
                "--rule", drop).code()).isZero();
        assertThat(gate(c2)).isTrue();
        assertThat(CliTest.tailgap("gate", c1.toString(), "--rule", "tail.accuracy >= 0.9").code()).isEqualTo(3);

        // the last passing run is n2 (n3 failed, and is the run gated)
        CliTest.Result again = CliTest.tailgap("gate", c3.toString(), "--runs-dir", copy.toString(), "--baseline",
                latest, "--rule", drop);
        assertThat(again.out()).startsWith("baseline " + latest + ": " + c2 + "\n");

        // once n2 fails too, no gated run of the series passed: there is no baseline to take
        assertThat(CliTest.tailgap("gate", c2.toString(), "--rule", "tail.accuracy >= 0.9").code()).isEqualTo(3);
        CliTest.Result none = CliTest.tailgap("gate", c3.toString(), "--runs-dir", copy.toString(), "--baseline",
                latest, "--rule", drop);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("tailgap: error: --baseline " + latest + ": none of the 2 gated runs "
                + "tagged series=nightly passed its gate, so there is no passing baseline; name one with --baseline "
                + "RUN_DIR");
        CliTest.Result unknown = CliTest.tailgap("gate", c3.toString(), "--runs-dir", copy.toString(), "--baseline",
                "latest:release=9", "--rule", drop);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no complete run tagged release=9 on world-cities@1.0.0 before " + c3);
    }

    private static boolean gate(Path dir) throws IOException {
        JsonNode n = new ObjectMapper().readTree(dir.resolve(GateRecord.FILE).toFile());
        return n.path("passed").asBoolean();
    }

    /** Copies a run directory as {@code cp -p} would, keeping the files' times. */
    static void copyRun(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
