package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries over real loopback HTTP: which failures are retried, how long the waits are, and when it gives up. */
class RetryInterceptorTest {
    private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"Paris\"}}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}";
    private static final CompletionRequest REQUEST = new CompletionRequest("m", "Q?", null, GenerationParams.DEFAULTS);

    private MockWebServer server;
    private ModelClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        ModelAdapter adapter = Adapters.provider("openai").create(new AdapterConfig("m",
                server.url("/v1").toString(), null, Map.of(), Duration.ofSeconds(5), 1, k -> null));
        client = new ModelClient(adapter, List.of(new RetryInterceptor(4, Duration.ZERO)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void rateLimitsServerErrorsAndMalformedRepliesAreRetriedUntilAnAnswer() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0").setBody("{}"));
        server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
        server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>proxy error</html>"));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("x-ratelimit-remaining-requests", "0")
                .setHeader("x-ratelimit-reset-requests", "0s").setBody("{}"));
        server.enqueue(new MockResponse().setBody(OK));
        assertThat(client.call(REQUEST).text()).isEqualTo("Paris");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"bad key\"}"));
        assertThatThrownBy(() -> client.call(REQUEST)).isInstanceOfSatisfying(AdapterException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndTheLastFailureSurfaces() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("busy " + i));
        }
        assertThatThrownBy(() -> client.call(REQUEST)).isInstanceOfSatisfying(AdapterException.class,
                e -> assertThat(e.getMessage()).contains("HTTP 503").contains("busy 4"));
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void everyBackoffIsReportedAsStartedAndEndedOnTheWaitingThread() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread caller = Thread.currentThread();
        RetryInterceptor.Backoffs heard = new RetryInterceptor.Backoffs() {
            @Override
            public void backoffStarted() {
                events.add("started" + (Thread.currentThread() == caller ? "" : " elsewhere"));
            }

            @Override
            public void backoffEnded() {
                events.add("ended" + (Thread.currentThread() == caller ? "" : " elsewhere"));
            }
        };
        ModelAdapter adapter = Adapters.provider("openai").create(new AdapterConfig("m",
                server.url("/v1").toString(), null, Map.of(), Duration.ofSeconds(5), 1, k -> null));
        try (ModelClient twice = new ModelClient(adapter, List.of(new RetryInterceptor(2, Duration.ZERO,
                RetryInterceptor.Attempts.NONE, heard)))) {
            server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
            server.enqueue(new MockResponse().setBody(OK));
            assertThat(twice.call(REQUEST).text()).isEqualTo("Paris");
            assertThat(events).containsExactly("started", "ended");

            events.clear();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
            }
            assertThatThrownBy(() -> twice.call(REQUEST)).isInstanceOf(AdapterException.class);
            assertThat(events).as("two retries, none after the last failure")
                    .containsExactly("started", "ended", "started", "ended");

            events.clear();
            server.enqueue(new MockResponse().setResponseCode(401).setBody("{}"));
            assertThatThrownBy(() -> twice.call(REQUEST)).isInstanceOf(AdapterException.class);
            assertThat(events).as("no back-off before a failure that is not retried").isEmpty();
        }
    }

    @Test
    void anEndpointNeverReachedIsRetriedOnceButOneThatAnsweredGetsEveryRetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RetryInterceptor retry = new RetryInterceptor(6, Duration.ZERO);
        ModelCall refused = r -> {
            calls.incrementAndGet();
            throw new AdapterException(FailureKind.CONNECTION, "cannot reach http://127.0.0.1:9/v1");
        };
        assertThatThrownBy(() -> retry.intercept(REQUEST, refused)).hasMessageContaining("cannot reach");
        assertThat(calls.get()).isEqualTo(1 + RetryInterceptor.UNREACHED_RETRIES);

        retry.intercept(REQUEST, r -> new Completion("ok", 1, 1));
        calls.set(0);
        assertThatThrownBy(() -> retry.intercept(REQUEST, refused)).hasMessageContaining("cannot reach");
        assertThat(calls.get()).isEqualTo(7);
    }

    @Test
    void theWaitIsWhatTheServerAskedForElseExponentialBackOffWithJitter() {
        Duration base = Duration.ofMillis(500);
        // a hint is honoured, with up to 10% more so that clients told the same do not return together
        assertThat(RetryInterceptor.delay(1, Duration.ofSeconds(2), base, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryInterceptor.delay(1, Duration.ofSeconds(2), base, 0.999)).isBetween(Duration.ofSeconds(2),
                Duration.ofMillis(2200));
        assertThat(RetryInterceptor.delay(3, Duration.ofHours(2), base, 0.0)).isEqualTo(RetryInterceptor.MAX_RETRY_AFTER);
        // no hint (a 429 without Retry-After): about the back-off, doubling per retry: never a fixed minute
        assertThat(RetryInterceptor.delay(1, null, base, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(RetryInterceptor.delay(1, null, base, 0.999)).isBetween(Duration.ofMillis(250), base);
        assertThat(RetryInterceptor.delay(2, null, base, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryInterceptor.delay(4, null, base, 0.5)).isEqualTo(Duration.ofMillis(3000));
        assertThat(RetryInterceptor.delay(30, null, base, 0.999)).isBetween(Duration.ofSeconds(15),
                RetryInterceptor.MAX_BACKOFF);
    }
}
