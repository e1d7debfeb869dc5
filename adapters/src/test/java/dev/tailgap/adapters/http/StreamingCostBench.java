package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.openai.OpenAiProvider;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What streaming costs the adapter, against whole replies, on the independent fake server
 * ({@code ../shared/bench/fake_openai.py}, OpenAI chat completions): per request, the calling thread's CPU time and
 * allocated bytes (one request at a time, no latency; median of five rounds of 2,000), and the wall time of 2,000
 * requests at concurrency 64 with 50 ms latency (median of five). Streamed and whole rounds alternate. Prints; asserts
 * nothing about time. Runs only with {@code -Dtailgap.bench=true}: {@code mvn -pl adapters test
 * -Dtest=StreamingCostBench -Dsurefire.failIfNoSpecifiedTests=false -Dtailgap.bench=true}.
 */
class StreamingCostBench {
    private static final int REQUESTS = 2000;
    private static final int ROUNDS = 5;
    private static final int CONCURRENCY = 64;
    private static final String[] MODES = {"true", "false"};

    @Test
    void costPerRequestAndWallTimeStreamedAndWhole() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tailgap.bench"), "set -Dtailgap.bench=true to measure");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        double[][] cpu = new double[2][ROUNDS];
        double[][] bytes = new double[2][ROUNDS];
        double[][] wall = new double[2][ROUNDS];
        Optional<FakeOpenAiServer> fast = FakeOpenAiServer.start("--latency-ms", "0");
        Assumptions.assumeTrue(fast.isPresent(), "python3 or shared/bench/fake_openai.py not present");
        try (FakeOpenAiServer server = fast.get()) {
            for (int round = -1; round < ROUNDS; round++) { // round -1 warms up
                for (int m = 0; m < 2; m++) {
                    try (ModelAdapter a = adapter(server, MODES[m], 1)) {
                        long t0 = threads.getCurrentThreadCpuTime();
                        long b0 = threads.getCurrentThreadAllocatedBytes();
                        for (int i = 0; i < REQUESTS; i++) {
                            check(a.complete(request(i)));
                        }
                        if (round >= 0) {
                            cpu[m][round] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / REQUESTS;
                            bytes[m][round] = (threads.getCurrentThreadAllocatedBytes() - b0) / 1024.0 / REQUESTS;
                        }
                    }
                }
            }
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start("--latency-ms", "50").orElseThrow()) {
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            try {
                for (int round = -1; round < ROUNDS; round++) {
                    for (int m = 0; m < 2; m++) {
                        try (ModelAdapter a = adapter(server, MODES[m], CONCURRENCY)) {
                            long start = System.nanoTime();
                            List<Future<Completion>> replies = new ArrayList<>();
                            for (int i = 0; i < REQUESTS; i++) {
                                CompletionRequest r = request(i);
                                replies.add(pool.submit(() -> a.complete(r)));
                            }
                            for (Future<Completion> f : replies) {
                                check(f.get());
                            }
                            if (round >= 0) {
                                wall[m][round] = (System.nanoTime() - start) / 1e9;
                            }
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (int m = 0; m < 2; m++) {
            System.out.printf(Locale.ROOT, "stream=%-5s per request %6.1f us CPU, %5.1f KiB allocated (calling "
                    + "thread, c=1, 0 ms); %d requests at c=%d, 50 ms: %.2f s wall (runs %s)%n", MODES[m],
                    median(cpu[m]), median(bytes[m]), REQUESTS, CONCURRENCY, median(wall[m]),
                    Arrays.toString(wall[m]));
        }
    }

    private static ModelAdapter adapter(FakeOpenAiServer server, String stream, int concurrency) throws Exception {
        return new OpenAiProvider().create(new AdapterConfig("fake-model", server.base() + "/v1", null,
                Map.of("stream", stream), null, concurrency, k -> null));
    }

    private static CompletionRequest request(int i) {
        return new CompletionRequest("fake-model", "Question: What is the capital of synthetic province " + i
                + "?\nAnswer:", null, new GenerationParams(0, 64, List.of("\n"), null));
    }

    private static void check(Completion c) {
        assertThat(c.text()).startsWith("The answer is ");
        assertThat(c.completionTokens()).isPositive();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
