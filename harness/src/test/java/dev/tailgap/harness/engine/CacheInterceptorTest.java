package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.cache.CacheKey;
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

    @Test
    void answersRepeatedRequestsFromTheCacheAndNeverStoresFailures() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ResponseCache cache = ResponseCache.open(tmp)) {
            CacheInterceptor c = new CacheInterceptor(cache, ENDPOINT, false);
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
            CacheInterceptor strict = new CacheInterceptor(cache, ENDPOINT, false);
            strict.intercept(request("q", 0.8, null), model);
            strict.intercept(request("q", 0.8, null), model);
            assertThat(asked.get()).isEqualTo(2);
            strict.intercept(request("q", 0.8, 7L), model);
            strict.intercept(request("q", 0.8, 7L), model);
            assertThat(asked.get()).as("a seeded request is not sampled").isEqualTo(3);

            CacheInterceptor lenient = new CacheInterceptor(cache, ENDPOINT, true);
            assertThat(lenient.intercept(request("q", 0.8, null), model).text()).isEqualTo("sample 2");
            assertThat(asked.get()).isEqualTo(3);
        }
    }
}
