package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which replica a request goes to, with in-process endpoints whose answers the test decides. */
class ReplicaDispatchTest {
    private static final CompletionRequest REQUEST = new CompletionRequest("m", "Q?", null, GenerationParams.DEFAULTS);

    /** An endpoint that answers, or fails with {@code failure} while it is set, counting what it is asked. */
    private static final class Endpoint implements ModelAdapter {
        final AtomicInteger asked = new AtomicInteger();
        volatile FailureKind failure;
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        @Override
        public Completion complete(CompletionRequest request) throws AdapterException {
            asked.incrementAndGet();
            if (entered != null) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new AdapterException(FailureKind.CANCELLED, "interrupted");
                }
            }
            if (failure != null) {
                throw new AdapterException(failure, "failing: " + failure);
            }
            return new Completion("ok", 1, 1);
        }

        @Override
        public void close() {
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final List<String> notices = new ArrayList<>();

    private Replicas replicas(Endpoint... endpoints) {
        List<Replica> list = new ArrayList<>();
        for (int i = 0; i < endpoints.length; i++) {
            list.add(new Replica("r" + i, endpoints[i]));
        }
        return new Replicas(list, "m", notices::add, clock::get);
    }

    @Test
    void equalReplicasTakeTurns() throws Exception {
        Endpoint a = new Endpoint();
        Endpoint b = new Endpoint();
        Replicas set = replicas(a, b);
        for (int i = 0; i < 10; i++) {
            set.complete(REQUEST);
        }
        assertThat(a.asked).hasValue(5);
        assertThat(b.asked).hasValue(5);
    }

    @Test
    void aReplicaWithARequestInFlightIsPassedOver() throws Exception {
        Endpoint a = new Endpoint();
        Endpoint b = new Endpoint();
        a.entered = new CountDownLatch(1);
        a.release = new CountDownLatch(1);
        Replicas set = replicas(a, b);
        Thread slow = new Thread(() -> {
            try {
                set.complete(REQUEST);
            } catch (AdapterException e) {
                throw new IllegalStateException(e);
            }
        });
        slow.start();
        a.entered.await();
        set.complete(REQUEST);
        set.complete(REQUEST); // its turn would be a's, but a is busy
        assertThat(b.asked).hasValue(2);
        a.release.countDown();
        slow.join();
        assertThat(a.asked).hasValue(1);
    }

    @Test
    void aRetryGoesToAnotherReplica() throws Exception {
        Endpoint a = new Endpoint();
        Endpoint b = new Endpoint();
        a.failure = FailureKind.SERVER_ERROR;
        Replicas set = replicas(a, b);
        Completion c = new RetryInterceptor(3, Duration.ZERO).intercept(REQUEST, set::complete);
        assertThat(c.text()).isEqualTo("ok");
        assertThat(a.asked).hasValue(1);
        assertThat(b.asked).hasValue(1);
    }

    @Test
    void aDownReplicaIsLeftOutSaidOnceAndTriedAgainAfterAWhile() throws Exception {
        Endpoint a = new Endpoint();
        Endpoint b = new Endpoint();
        a.failure = FailureKind.CONNECTION;
        Replicas set = replicas(a, b);
        for (int i = 0; i < 20; i++) {
            try {
                set.complete(new CompletionRequest("m", "Q" + i, null, GenerationParams.DEFAULTS));
            } catch (AdapterException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            }
        }
        assertThat(a.asked).as("down after %d failures in a row", EndpointGuard.DOWN_FAILURES)
                .hasValue(EndpointGuard.DOWN_FAILURES);
        assertThat(notices).containsExactly("replica r0 is not answering (failing: CONNECTION): its requests go to "
                + "the other replicas");

        a.failure = null;
        clock.addAndGet(Replicas.RECHECK.toNanos());
        set.complete(REQUEST);
        assertThat(a.asked).hasValue(EndpointGuard.DOWN_FAILURES + 1);
        assertThat(notices).last().isEqualTo("replica r0 answers again");
    }

    @Test
    void whenEveryReplicaIsDownTheyAreAllStillAsked() {
        Endpoint a = new Endpoint();
        Endpoint b = new Endpoint();
        a.failure = FailureKind.CONNECTION;
        b.failure = FailureKind.CONNECTION;
        Replicas set = replicas(a, b);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> set.complete(REQUEST)).isInstanceOf(AdapterException.class);
        }
        assertThat(a.asked.get() + b.asked.get()).isEqualTo(10);
        assertThat(a.asked.get()).isGreaterThan(EndpointGuard.DOWN_FAILURES);
    }
}
