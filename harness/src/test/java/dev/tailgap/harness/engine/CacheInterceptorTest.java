package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.cache.ResponseCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheInterceptorTest {
    private static final CacheKey.Endpoint ENDPOINT = new CacheKey.Endpoint("openai", "http://h/v1", Map.of());

    @TempDir
    Path tmp;

    private static CompletionRequest request(String prompt, double temperature, Long seed) {
        return new CompletionRequest("m", prompt, null, new GenerationParams(temperature, 8, List.of(), seed));
    }

    /** A tracker that has learned a known identity from one live reply. */
    private static ServedTracker known() throws Exception {
        ServedTracker t = new ServedTracker(dev.tailgap.adapters.EndpointInfo.NONE);
        t.intercept(request("probe", 0, null), r -> new Completion("x", 1, 1).withServed("m", "fp_1"));
        return t;
    }

    @Test
    void nothingIsServedBeforeTheIdentityIsKnownNorUnderAnotherIdentity() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ResponseCache cache = ResponseCache.open(tmp)) {
            ModelCall model = r -> new Completion("answer #" + asked.incrementAndGet(), 3, 2).withServed("m", "fp_1");
            ServedTracker fresh = new ServedTracker(dev.tailgap.adapters.EndpointInfo.NONE);
            CacheInterceptor first = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.IDENTITY, fresh);
            first.intercept(request("a", 0, null), (CompletionRequest r) -> fresh.intercept(r, model));
            assertThat(first.hits()).isZero();
            assertThat(first.intercept(request("a", 0, null), r -> fresh.intercept(r, model)).text())
                    .isEqualTo("answer #1");
            assertThat(first.hits()).isEqualTo(1);

            ServedTracker swapped = new ServedTracker(dev.tailgap.adapters.EndpointInfo.NONE);
            swapped.intercept(request("probe", 0, null), r -> new Completion("x", 1, 1).withServed("m", "fp_2"));
            CacheInterceptor after = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.IDENTITY, swapped);
            assertThat(after.intercept(request("a", 0, null), model).text()).isEqualTo("answer #2");
            CacheInterceptor always = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.ALWAYS, swapped);
            assertThat(always.intercept(request("a", 0, null), model).text()).startsWith("answer #");
            assertThat(always.hits()).isEqualTo(1);

            ServedTracker anonymous = new ServedTracker(dev.tailgap.adapters.EndpointInfo.NONE);
            anonymous.intercept(request("probe", 0, null), r -> new Completion("x", 1, 1).withServed("m", null));
            CacheInterceptor unknown = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.IDENTITY, anonymous);
            unknown.intercept(request("z", 0, null), model);
            unknown.intercept(request("z", 0, null), model);
            assertThat(unknown.hits()).as("an endpoint without identity gets no cached answers").isZero();
        }
    }

    @Test
    void answersRepeatedRequestsFromTheCacheAndNeverStoresFailures() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ResponseCache cache = ResponseCache.open(tmp)) {
            CacheInterceptor c = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.IDENTITY, known());
            ModelCall model = r -> new Completion("answer to " + r.prompt() + " #" + asked.incrementAndGet(), 3, 2);
            assertThat(c.intercept(request("a", 0, null), model).text()).isEqualTo("answer to a #1");
            assertThat(c.intercept(request("a", 0, null), model).text()).isEqualTo("answer to a #1");
            assertThat(asked.get()).isEqualTo(1);
            assertThat(c.hits()).isEqualTo(1);

            ModelCall failing = r -> {
                asked.incrementAndGet();
                throw new AdapterException(FailureKind.MALFORMED, "malformed reply");
            };
            assertThatThrownBy(() -> c.intercept(request("b", 0, null), failing)).hasMessage("malformed reply");
            assertThatThrownBy(() -> c.intercept(request("b", 0, null), failing)).hasMessage("malformed reply");
            assertThat(asked.get()).isEqualTo(3);
            assertThat(cache.stats().entries()).isEqualTo(1);
        }
    }

    @Test
    void sampledRequestsAreStoredButServedOnlyWhenAsked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ModelCall model = r -> new Completion("sample " + asked.incrementAndGet(), 1, 1);
        try (ResponseCache cache = ResponseCache.open(tmp)) {
            CacheInterceptor strict = new CacheInterceptor(cache, ENDPOINT, false, CacheReuse.IDENTITY, known());
            strict.intercept(request("q", 0.8, null), model);
            strict.intercept(request("q", 0.8, null), model);
            assertThat(asked.get()).isEqualTo(2);
            strict.intercept(request("q", 0.8, 7L), model);
            strict.intercept(request("q", 0.8, 7L), model);
            assertThat(asked.get()).as("a seeded request is not sampled").isEqualTo(3);

            CacheInterceptor lenient = new CacheInterceptor(cache, ENDPOINT, true, CacheReuse.IDENTITY, known());
            assertThat(lenient.intercept(request("q", 0.8, null), model).text()).isEqualTo("sample 2");
            assertThat(asked.get()).isEqualTo(3);
        }
    }
}
