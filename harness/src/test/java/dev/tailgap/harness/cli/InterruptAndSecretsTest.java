package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C, a response cache shared by two processes, and a planted API key, on the real CLI in its own JVM. */
class InterruptAndSecretsTest {
    private static final String KEY_ENV = "TAILGAP_TEST_PLANTED_KEY";
    /** key -> requests. */
    private static final Map<String, AtomicLong> BY_KEY = new ConcurrentHashMap<>();
    private static SimServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws Exception {
        List<Item> items = DatasetFiles.items(DatasetFiles.load("world-cities", false));
        server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS.withLatencyMs(50)), 0, 64,
                (key, prompt) -> BY_KEY.computeIfAbsent(key == null ? "(none)" : key, k -> new AtomicLong())
                        .incrementAndGet());
    }

    @AfterAll
    static void shutdown() {
        server.close();
    }

    private static List<String> run(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "openai:" + SimServer.MODEL_ID, "--base-url",
                server.baseUrl(), "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void ctrlCStopsWithExit130KeepsWhatFinishedAndSaysHowToResume() throws Exception {
        Path out = tmp.resolve("interrupted");
        List<String> args = run(out, "--limit", "80", "-c", "4", "--no-cache", "-q");
        long before = BY_KEY.getOrDefault("(none)", new AtomicLong()).get();
        Set<String> kept;
        try (ChildJvm child = ChildJvm.start(tmp, "interrupted", Map.of(), args)) {
            assertThat(child.awaitWhileAlive(() -> lines(out) >= 10)).isTrue();
            child.interrupt();
            assertThat(child.waitFor()).isEqualTo(130);
            assertThat(child.err()).contains("stopped: ").contains("items are kept in " + out)
                    .contains("tailgap run --resume " + out);
            kept = ids(out);
        }
        long askedByStopped = BY_KEY.get("(none)").get() - before;
        assertThat(kept).hasSizeBetween(10, 79);
        // what finished is kept; at most the 4 requests in flight were cancelled and are asked again
        assertThat(askedByStopped).isBetween((long) kept.size(), kept.size() + 4L);

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        long beforeRerun = BY_KEY.get("(none)").get();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        assertThat(o.toString()).contains("resumed: " + kept.size() + " items were kept");
        assertThat(BY_KEY.get("(none)").get() - beforeRerun).isEqualTo(80 - kept.size());
        assertThat(lines(out)).isEqualTo(80);
        assertThat(ids(out)).hasSize(80).containsAll(kept);
    }

    @Test
    void twoProcessesShareTheCacheAndAPlantedKeyReachesTheServerButNoFile() throws Exception {
        String key = "sk-tailgap-planted-" + Long.toHexString(System.nanoTime()) + "-do-not-write";
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of(KEY_ENV, key, "TAILGAP_CACHE_DIR", cache.toString());
        List<String> a = run(tmp.resolve("a"), "--api-key-env", KEY_ENV, "--limit", "150", "--seed", "1", "-c", "8");
        List<String> b = run(tmp.resolve("b"), "--api-key-env", KEY_ENV, "--limit", "150", "--seed", "2", "-c", "8");
        try (ChildJvm first = ChildJvm.start(tmp, "a", env, a); ChildJvm second = ChildJvm.start(tmp, "b", env, b)) {
            assertThat(first.waitFor()).as(first.err()).isZero();
            assertThat(second.waitFor()).as(second.err()).isZero();
            assertThat(first.err() + second.err()).doesNotContain("warning");
        }
        long sent = BY_KEY.get(key).get();
        assertThat(sent).as("the key was sent to the endpoint").isBetween(150L, 300L);

        // a third process asks what the first asked: the first item goes to the endpoint, to learn what it serves;
        // every other answer comes from the cache the two filled, recorded under that same served identity
        List<String> again = run(tmp.resolve("a-again"), "--api-key-env", KEY_ENV, "--limit", "150", "--seed", "1",
                "-c", "8");
        try (ChildJvm third = ChildJvm.start(tmp, "a-again", env, again)) {
            assertThat(third.waitFor()).as(third.err()).isZero();
            assertThat(third.out()).contains("cache: 149 of 150 answers came from");
        }
        assertThat(BY_KEY.get(key).get()).isEqualTo(sent + 1);
        StringWriter stats = new StringWriter();
        Main.execute(new String[] {"cache", "stats", "--cache-dir", cache.toString()}, new PrintWriter(stats),
                new PrintWriter(new StringWriter()));
        Set<String> distinct = ids(tmp.resolve("a"));
        distinct.addAll(ids(tmp.resolve("b")));
        assertThat(stats.toString()).contains("entries    " + distinct.size()).contains("openai:" + SimServer.MODEL_ID);

        // the key is in no file the runs produced, nor in their output
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("spec.json", "items.jsonl", "report.json", "report.md", "cache.sqlite", "a.err", "b.out");
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        for (Path f : files) {
            assertThat(indexOf(Files.readAllBytes(f), needle)).as("key found in %s", f).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long lines(Path out) {
        try {
            Path log = out.resolve("items.jsonl");
            return Files.exists(log) ? Files.readString(log).chars().filter(c -> c == '\n').count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Set<String> ids(Path out) throws IOException {
        Set<String> ids = new HashSet<>();
        try (ItemLog.Reader r = ItemLog.read(out.resolve("items.jsonl"))) {
            for (ItemResult x : r) {
                assertThat(ids.add(x.id())).as("%s logged twice", x.id()).isTrue();
            }
        }
        return ids;
    }
}
