package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
    private static final CompletionRequest REQUEST = new CompletionRequest("m", "Q?", null, GenerationParams.DEFAULTS);

    @Test
    void halvesOncePerRateLimitEpisodeAndGrowsByOnePerWindowOfSuccesses() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(8);
        long first = c.acquire();
        long second = c.acquire();
        c.release(true, first);
        assertThat(c.limit()).isEqualTo(4);
        c.release(true, second); // sent before the cut: the same episode
        assertThat(c.limit()).isEqualTo(4);
        long third = c.acquire();
        c.release(true, third); // sent after the cut: a new episode
        assertThat(c.limit()).isEqualTo(2);
        assertThat(c.cuts()).isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            c.succeeded();
        }
        assertThat(c.limit()).isEqualTo(3);
        for (int i = 0; i < 3 + 4 + 5 + 6 + 7; i++) {
            c.succeeded();
        }
        assertThat(c.limit()).isEqualTo(8);
        for (int i = 0; i < 100; i++) {
            c.succeeded();
        }
        assertThat(c.limit()).as("never above the maximum").isEqualTo(8);

        for (int i = 0; i < 10; i++) {
            c.release(true, c.acquire());
        }
        assertThat(c.limit()).as("never below one").isEqualTo(1);
    }

    @Test
    void otherFailuresLeaveTheLimitAlone() {
        AdaptiveConcurrency c = new AdaptiveConcurrency(4);
        for (FailureKind kind : List.of(FailureKind.SERVER_ERROR, FailureKind.TIMEOUT, FailureKind.MALFORMED)) {
            try {
                c.intercept(REQUEST, r -> {
                    throw new AdapterException(kind, kind.name());
                });
            } catch (AdapterException expected) {
                assertThat(expected.kind()).isEqualTo(kind);
            }
        }
        assertThat(c.limit()).isEqualTo(4);
    }

    @Test
    void neverMoreRequestsInFlightThanTheLimit() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        return c.intercept(REQUEST, r -> {
                            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            Thread.yield();
                            inFlight.decrementAndGet();
                            if (n.incrementAndGet() % 10 == 0) {
                                throw new AdapterException(FailureKind.RATE_LIMITED, "429");
                            }
                            return new Completion("ok", 1, 1);
                        });
                    } catch (AdapterException e) {
                        return null;
                    }
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isBetween(1, 3);
        assertThat(c.cuts()).isPositive();
    }
}
