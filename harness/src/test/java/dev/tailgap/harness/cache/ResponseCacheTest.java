package dev.tailgap.harness.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache on a real SQLite file. */
class ResponseCacheTest {
    @TempDir
    Path tmp;

    @Test
    void storesCompletionsAndReportsAndClearsThem() {
        try (ResponseCache c = ResponseCache.open(tmp)) {
            assertThat(c.get("k1", "id1")).isEmpty();
            c.put("k1", "id1", "openai", "gpt-x", new Completion("Paris", 12, 1));
            c.put("k2", "id1", "openai", "gpt-x", new Completion("Rome", -1, -1));
            c.put("k3", "id1", "ollama", "llama3.2", new Completion("", 3, 0));
            assertThat(c.get("k1", "id1")).contains(new Completion("Paris", 12, 1));
            assertThat(c.get("k2", "id1")).contains(new Completion("Rome", -1, -1));
            ResponseCache.Stats s = c.stats();
            assertThat(s.entries()).isEqualTo(3);
            assertThat(s.models()).containsExactly(new ResponseCache.ModelCount("openai:gpt-x", 2),
                    new ResponseCache.ModelCount("ollama:llama3.2", 1));
            assertThat(s.bytes()).isPositive();
            assertThat(c.clear()).isEqualTo(3);
            assertThat(c.stats().entries()).isZero();
            assertThat(c.failures()).isZero();
        }
        try (ResponseCache reopened = ResponseCache.open(tmp)) {
            assertThat(reopened.get("k1", "id1")).isEmpty();
        }
    }

    @Test
    void anAnswerIsServedOnlyUnderTheIdentityItWasRecordedUnderOrUnderAnyWhenAskedFor() {
        try (ResponseCache c = ResponseCache.open(tmp)) {
            Completion old = new Completion("Paris", 1, 1).withFinish("stop").withServed("m", "fp_a");
            c.put("k", "identity-a", "openai", "m", old);
            assertThat(c.get("k", "identity-a")).contains(old);
            assertThat(c.get("k", "identity-b")).isEmpty();
            assertThat(c.get("k", null)).contains(old);
            Completion other = new Completion("Lyon", 1, 1).withServed("m", "fp_b");
            c.put("k", "identity-b", "openai", "m", other);
            assertThat(c.get("k", "identity-a")).contains(old);
            assertThat(c.get("k", "identity-b")).contains(other);
        }
    }

    @Test
    void isInWalModeAndSurvivesReopening() throws Exception {
        try (ResponseCache c = ResponseCache.open(tmp)) {
            c.put("k", "id1", "openai", "m", new Completion("x", 1, 1));
            assertThat(Files.exists(tmp.resolve(ResponseCache.FILE + "-wal"))).isTrue();
        }
        try (ResponseCache c = ResponseCache.open(tmp)) {
            assertThat(c.get("k", "id1")).contains(new Completion("x", 1, 1));
        }
    }

    @Test
    void manyThreadsOnTwoConnectionsToOneFileLoseNothing() throws Exception {
        try (ResponseCache a = ResponseCache.open(tmp); ResponseCache b = ResponseCache.open(tmp)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    ResponseCache c = t % 2 == 0 ? a : b;
                    int thread = t;
                    writes.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            c.put(thread + "/" + i, "id1", "openai", "m", new Completion("answer " + i, i, 1));
                            assertThat(c.get(thread + "/" + i, "id1")).isPresent();
                        }
                    }));
                }
                for (Future<?> f : writes) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.stats().entries()).isEqualTo(800);
            assertThat(b.get("7/99", "id1")).contains(new Completion("answer 99", 99, 1));
            assertThat(a.failures() + b.failures()).isZero();
        }
    }

    @Test
    void theDirectoryComesFromTheFlagTheEnvironmentOrTheHomeCache() {
        assertThat(ResponseCache.defaultDir(Map.of(ResponseCache.DIR_ENV, "/x/cache")::get))
                .isEqualTo(Path.of("/x/cache"));
        assertThat(ResponseCache.defaultDir(Map.of("XDG_CACHE_HOME", "/xdg")::get)).isEqualTo(Path.of("/xdg/tailgap"));
        assertThat(ResponseCache.defaultDir(Map.<String, String>of()::get))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "tailgap"));
    }
}
