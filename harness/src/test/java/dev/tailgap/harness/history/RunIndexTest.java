package dev.tailgap.harness.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.reports.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs index over real run directories and a real SQLite file: entries survive a round trip, the index follows
 * the directories (copied in, changed, deleted, rebuilt), registration never throws, and runs registering at once
 * from many threads are all kept.
 */
class RunIndexTest {
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static Path run;

    @BeforeAll
    static void oneRun() throws IOException {
        run = SeriesRuns.run(shared.resolve("runs"), "r", SimParams.DEFAULTS, 20, Map.of("series", "s", "k", "v"));
    }

    static Path copy(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    @Test
    void anEntryReadsBackAsItWasWritten() {
        RunEntry e = RunEntries.read(run).withGate(new GateOutcome(false, 3, 1, "latest:series=s",
                Instant.parse("2026-01-02T03:04:05.678Z")));
        RunEntry odd = new RunEntry(tmp.resolve("odd"), null, null, null, null, Instant.ofEpochMilli(5), null,
                RunEntry.Status.STOPPED, 7, 1, 0, Estimate.NONE, null, Estimate.NONE, null, Estimate.NONE,
                new Estimate(0.1, Double.NaN, Double.NaN), Map.of("a\u0000b", "<x>"), null, "stamp");
        try (RunIndex index = RunIndex.open(tmp)) {
            index.put(e);
            index.put(odd);
            assertThat(index.get(run)).contains(e);
            assertThat(index.get(odd.dir())).contains(odd);
            index.put(e.withGate(null));
            assertThat(index.get(run)).contains(e.withGate(null));
        }
        assertThat(e.tags()).isEqualTo(Map.of("series", "s", "k", "v"));
        assertThat(e.complete()).isTrue();
        assertThat(e.n()).isEqualTo(e.asked()).isPositive();
        assertThat(e.overall().defined()).isTrue();
    }

    @Test
    void theIndexFollowsTheDirectories() throws IOException {
        Path runs = tmp.resolve("runs");
        Path a = copy(runs.resolve("a"));
        Path nested = copy(runs.resolve("ci").resolve("b"));
        Path elsewhere = copy(tmp.resolve("elsewhere"));
        try (RunIndex index = RunIndex.open(runs)) {
            assertThat(index.refresh()).isEmpty();
            assertThat(index.all()).extracting(RunEntry::dir).containsExactlyInAnyOrder(a, nested);
            index.put(RunEntries.read(elsewhere));

            GateRecord.write(a, new GateOutcome(true, 1, 0, null, Instant.parse("2026-01-01T00:00:00Z")));
            Files.writeString(nested.resolve("spec.json"), "{not json");
            List<String> warnings = index.refresh();
            assertThat(index.get(a).orElseThrow().gate().passed()).isTrue();
            assertThat(warnings).singleElement().satisfies(w -> assertThat(w).startsWith("skipped " + nested + ": ")
                    .contains("spec.json"));

            deleteTree(nested);
            index.refresh();
            assertThat(index.all()).extracting(RunEntry::dir).containsExactlyInAnyOrder(a, elsewhere);

            assertThat(index.reindex()).isEmpty();
            assertThat(index.all()).extracting(RunEntry::dir).containsExactlyInAnyOrder(a, elsewhere);
            assertThat(index.get(a).orElseThrow().gate()).isNotNull();
        }
        Files.delete(runs.resolve(RunIndex.FILE));
        try (RunIndex index = RunIndex.open(runs)) {
            index.refresh();
            assertThat(index.all()).extracting(RunEntry::dir).containsExactly(a);
        }
    }

    @Test
    void registrationTurnsAnIndexThatCannotBeWrittenIntoAWarning() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("runs-file"), "x");
        Optional<String> warning = RunIndex.register(notADirectory, run);
        assertThat(warning).hasValueSatisfying(w -> assertThat(w).startsWith("the run was not added to the runs "
                + "index " + notADirectory.resolve(RunIndex.FILE)).endsWith("tailgap runs add " + run + " adds it"));
        assertThat(RunIndex.register(tmp.resolve("fine"), tmp.resolve("no-run"))).hasValueSatisfying(w ->
                assertThat(w).contains("is not a run directory"));
        assertThat(RunIndex.register(tmp.resolve("fine"), run)).isEmpty();
    }

    @Test
    void runsRegisteringAtOnceAreAllKept() throws Exception {
        Path runs = tmp.resolve("runs");
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dirs.add(copy(tmp.resolve("out").resolve("r" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> done = new ArrayList<>();
            for (Path d : dirs) {
                done.add(pool.submit(() -> RunIndex.register(runs, d)));
            }
            for (Future<Optional<String>> f : done) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdown();
        }
        try (RunIndex index = RunIndex.open(runs)) {
            assertThat(index.all()).extracting(RunEntry::dir).containsExactlyInAnyOrderElementsOf(dirs);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
