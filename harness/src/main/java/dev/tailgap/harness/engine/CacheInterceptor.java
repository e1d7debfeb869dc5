package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.ResponseCache;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a request from the {@link ResponseCache} when it holds the same request ({@link CacheKey}), else asks the
 * rest of the chain and stores the completion. Failures are never stored. Sampled requests (temperature &gt; 0
 * without a seed) are stored but answered from the cache only when {@code serveSampled}. Outermost in the chain, so a
 * hit costs no retry, rate-limit token or concurrency slot. Thread-safe.
 */
public final class CacheInterceptor implements Interceptor {
    private final ResponseCache cache;
    private final CacheKey.Endpoint endpoint;
    private final boolean serveSampled;
    private final AtomicLong hits = new AtomicLong();

    public CacheInterceptor(ResponseCache cache, CacheKey.Endpoint endpoint, boolean serveSampled) {
        this.cache = cache;
        this.endpoint = endpoint;
        this.serveSampled = serveSampled;
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        String key = CacheKey.of(endpoint, request);
        if (serveSampled || !CacheKey.sampled(request.params())) {
            Optional<Completion> hit = cache.get(key);
            if (hit.isPresent()) {
                hits.incrementAndGet();
                return hit.get();
            }
        }
        Completion c = next.call(request);
        cache.put(key, endpoint.provider(), request.model(), c);
        return c;
    }

    /** Requests answered from the cache so far. */
    public long hits() {
        return hits.get();
    }
}
