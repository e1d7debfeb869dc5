package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.scoring.PromptTemplate;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, proven on the real CLI in its own JVM: a run against a slow loopback endpoint is killed with SIGKILL
 * after k items are in its log (several k), then resumed. Every request names the attempt that sent it (the attempt's
 * API key, read from the environment), so the server's counts tell exactly which attempt asked what: an item in the
 * log at the kill is never asked again, an item that is not is asked exactly once by the resume, and the only items
 * asked twice are those the killed process had sent whose results never reached its log. The final results equal an
 * uninterrupted run's.
 */
class CrashResumeTest {
    private static final int N = 60;
    private static final String KEY_ENV = "TAILGAP_TEST_ATTEMPT_KEY";
    /** key -> item id -> requests. */
    private static final Map<String, Map<String, AtomicInteger>> ASKED = new ConcurrentHashMap<>();
    private static final Map<String, String> ID_BY_PROMPT = new HashMap<>();
    private static SimServer server;
    private static Map<String, ItemResult> reference;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        List<Item> items = DatasetFiles.items(DatasetFiles.load("world-cities", false));
        for (Item i : items) {
            ID_BY_PROMPT.put(PromptTemplate.defaults().render(i.question(), i.concept(), i.relation()), i.id());
        }
        server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS.withLatencyMs(100)), 0, 64,
                (key, prompt) -> ASKED.computeIfAbsent(key == null ? "(none)" : key, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(ID_BY_PROMPT.getOrDefault(prompt, "?"), k -> new AtomicInteger())
                        .incrementAndGet());
        // the uninterrupted run, in this JVM and without a key (the loopback endpoint needs none)
        Path ref = shared.resolve("reference");
        List<String> args = args(ref);
        args.remove("--api-key-env");
        args.remove(KEY_ENV);
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        reference = results(ref);
        assertThat(reference).hasSize(N);
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private static List<String> args(Path out) {
        return new ArrayList<>(List.of("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url", server.baseUrl(),
                "--api-key-env", KEY_ENV, "--limit", String.valueOf(N), "-c", "4", "--out", out.toString(),
                "--no-cache", "-q"));
    }

    private ChildJvm attempt(String key, List<String> args) {
        return ChildJvm.start(tmp, key, Map.of(KEY_ENV, key), args);
    }

    @Test
    void killedAtSeveralPointsThenResumedWithResumeLosesNothingAndAsksNothingTwice() throws Exception {
        for (int k : new int[] {1, 24, 50}) {
            Path out = tmp.resolve("run-" + k);
            List<Set<String>> logged = new ArrayList<>();
            String killed = "kill-at-" + k;
            logged.add(killUntil(attempt(killed, args(out)), out, k));
            String resumed = "resume-after-" + k;
            try (ChildJvm resume = attempt(resumed, List.of("run", "--resume", out.toString(), "-q", "--no-cache"))) {
                assertThat(resume.waitFor()).as(resume.err()).isZero();
            }
            assertExactAccounting(out, List.of(killed, resumed), logged);
        }
    }

    @Test
    void killedTwiceThenRerunWithTheSameCommandLosesNothingAndAsksNothingTwice() throws Exception {
        Path out = tmp.resolve("twice");
        List<Set<String>> logged = new ArrayList<>();
        logged.add(killUntil(attempt("first", args(out)), out, 10));
        logged.add(killUntil(attempt("second", args(out)), out, 35));
        try (ChildJvm rerun = attempt("third", args(out))) {
            assertThat(rerun.waitFor()).as(rerun.err()).isZero();
            assertThat(rerun.out()).contains("resumed: ");
        }
        assertExactAccounting(out, List.of("first", "second", "third"), logged);
    }

    /** Kills the attempt once its log holds at least k results; returns the ids in the log after its death. */
    private static Set<String> killUntil(ChildJvm child, Path out, int k) throws Exception {
        try (child) {
            boolean reached = child.awaitWhileAlive(() -> logged(out).size() >= k);
            assertThat(reached).as("log reached %d items before the run ended; stderr: %s", k, child.err()).isTrue();
            child.kill();
        }
        Set<String> ids = logged(out);
        assertThat(ids).as("killed before finishing").hasSizeLessThan(N);
        return ids;
    }

    /**
     * Attempt i (key {@code keys[i]}) began with the ids in {@code logged[i-1]} (none for the first) and left
     * {@code logged[i]} in the log when killed; the last attempt finished.
     */
    private static void assertExactAccounting(Path out, List<String> keys, List<Set<String>> logged) {
        Map<String, ItemResult> finalResults = results(out);
        assertThat(finalResults.keySet()).as("no item lost").isEqualTo(reference.keySet());
        for (ItemResult r : finalResults.values()) {
            ItemResult ref = reference.get(r.id());
            assertThat(r.outcome()).as(r.id()).isEqualTo(ref.outcome());
            assertThat(r.rawAnswer()).as(r.id()).isEqualTo(ref.rawAnswer());
        }
        long total = 0;
        long lostInFlight = 0;
        for (int i = 0; i < keys.size(); i++) {
            Set<String> before = i == 0 ? Set.of() : logged.get(i - 1);
            Set<String> after = i < logged.size() ? logged.get(i) : reference.keySet();
            Map<String, AtomicInteger> asked = ASKED.getOrDefault(keys.get(i), Map.of());
            for (String id : reference.keySet()) {
                int n = asked.containsKey(id) ? asked.get(id).get() : 0;
                total += n;
                if (before.contains(id)) {
                    assertThat(n).as("attempt %s asked %s, already in the log", keys.get(i), id).isZero();
                } else if (after.contains(id)) {
                    assertThat(n).as("attempt %s asked %s, which it logged", keys.get(i), id).isEqualTo(1);
                } else {
                    assertThat(n).as("attempt %s asked %s, lost with it", keys.get(i), id).isLessThanOrEqualTo(1);
                    lostInFlight += n;
                }
            }
            assertThat(asked.keySet()).as("attempt %s asked only items of the run", keys.get(i))
                    .isSubsetOf(reference.keySet());
        }
        assertThat(total).as("requests = items + those lost in flight with a killed attempt")
                .isEqualTo(N + lostInFlight);
    }

    private static Set<String> logged(Path out) {
        Path log = out.resolve("items.jsonl");
        Set<String> ids = new HashSet<>();
        if (!Files.exists(log)) {
            return ids;
        }
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            for (String line : text.substring(0, end + 1).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(ItemLog.parseLine(line).id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private static Map<String, ItemResult> results(Path out) {
        Map<String, ItemResult> m = new HashMap<>();
        try (ItemLog.Reader reader = ItemLog.read(out.resolve("items.jsonl"))) {
            for (ItemResult r : reader) {
                assertThat(m.put(r.id(), r)).as("%s logged twice", r.id()).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
