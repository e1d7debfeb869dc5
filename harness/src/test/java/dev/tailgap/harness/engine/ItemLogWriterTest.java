package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemLogWriterTest {
    @TempDir
    Path tmp;

    static ItemResult result(String id) {
        return new ItemResult(id, "Q?", List.of("a"), "c", null, 1, "head", "a", "a", Outcome.CORRECT, null, 1, 1, 1);
    }

    @Test
    void everyResultIsWrittenOnceAndReportedDurableOnlyAfterItsLineIsOnDisk() throws Exception {
        for (ItemLogWriter.Sync sync : ItemLogWriter.Sync.values()) {
            Path file = tmp.resolve(sync + ".jsonl");
            Set<String> reported = ConcurrentHashMap.newKeySet();
            List<String> notDurable = new ArrayList<>();
            ItemLogWriter log = new ItemLogWriter(file, sync);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> appenders = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    appenders.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            String id = thread + "/" + i;
                            log.append(result(id), durable -> {
                                if (!durable) {
                                    notDurable.add(id);
                                }
                                assertThat(reported.add(id)).isTrue();
                            });
                        }
                    }));
                }
                for (Future<?> f : appenders) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            log.close();
            assertThat(reported).as("%s", sync).hasSize(1600);
            assertThat(notDurable).isEmpty();
            Set<String> inFile = new HashSet<>();
            try (ItemLog.Reader r = ItemLog.read(file)) {
                for (ItemResult x : r) {
                    assertThat(inFile.add(x.id())).isTrue();
                }
            }
            assertThat(inFile).isEqualTo(reported);
            switch (sync) {
                case EACH_LINE -> assertThat(log.forces()).isEqualTo(1600);
                case GROUP -> assertThat(log.forces()).isBetween(1L, 1600L);
                case NONE -> assertThat(log.forces()).isZero();
            }
        }
    }
}
