package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.cache.ResponseCache;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a request from the {@link ResponseCache} when it holds the same request ({@link CacheKey}) recorded under
 * the served identity the endpoint has now, else asks the rest of the chain and stores the completion under that
 * identity. Which stored answers may be served is {@link CacheReuse}: under {@code IDENTITY} (the default) nothing is
 * served before the run's first live reply has told the identity, nor when the endpoint offers none. Failures are
 * never stored. Sampled requests (temperature &gt; 0 without a seed) are stored but served only when
 * {@code serveSampled}. Outermost in the chain, so a hit costs no retry, rate-limit token or concurrency slot.
 * Thread-safe.
 */
public final class CacheInterceptor implements Interceptor {
    private final ResponseCache cache;
    private final CacheKey.Endpoint endpoint;
    private final boolean serveSampled;
    private final CacheReuse reuse;
    private final ServedTracker served;
    private final AtomicLong hits = new AtomicLong();
    private final java.util.concurrent.locks.ReentrantLock firstLive = new java.util.concurrent.locks.ReentrantLock();
    private final ThreadLocal<Boolean> lastWasHit = ThreadLocal.withInitial(() -> Boolean.FALSE);

    CacheInterceptor(ResponseCache cache, CacheKey.Endpoint endpoint, boolean serveSampled, CacheReuse reuse,
                     ServedTracker served) {
        this.cache = cache;
        this.endpoint = endpoint;
        this.serveSampled = serveSampled;
        this.reuse = reuse;
        this.served = served;
    }

    /**
     * The front of a client chain for a model other than the run's own (the LLM judge): the response cache under
     * {@code reuse}, then the tracker that learns the served identity of {@code adapter} from its probe and first
     * live reply. Put the retries and limits after these.
     */
    public static java.util.List<Interceptor> chainFront(ResponseCache cache, CacheKey.Endpoint endpoint,
                                                         CacheReuse reuse, dev.tailgap.adapters.ModelAdapter adapter) {
        ServedTracker tracker = new ServedTracker(adapter.probe());
        return cache == null || !adapter.cacheable() ? java.util.List.of(tracker)
                : java.util.List.of(new CacheInterceptor(cache, endpoint, false, reuse, tracker), tracker);
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        String key = CacheKey.of(endpoint, request);
        lastWasHit.set(Boolean.FALSE);
        if (serveSampled || !CacheKey.sampled(request.params())) {
            Optional<Completion> hit = lookUp(key);
            if (hit.isPresent()) {
                hits.incrementAndGet();
                lastWasHit.set(Boolean.TRUE);
                return hit.get();
            }
        }
        Completion c = served.identity() != null || reuse != CacheReuse.IDENTITY ? next.call(request)
                : firstLive(request, next, key);
        ServedIdentity now = served.identity();
        if (now != null) {
            cache.put(key, now.digest(), endpoint.provider(), request.model(), c);
        }
        return c;
    }

    /**
     * While the served identity is unknown, one request at a time goes to the endpoint: the others wait for the first
     * live reply and are then answered from the cache when it holds them, so a concurrent first wave never bypasses
     * the cache. A failed first request lets the next one try.
     */
    private Completion firstLive(CompletionRequest request, ModelCall next, String key) throws AdapterException {
        try {
            firstLive.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(dev.tailgap.adapters.FailureKind.CANCELLED, "stopped while waiting for the "
                    + "first reply");
        }
        try {
            if (served.identity() != null && (serveSampled || !CacheKey.sampled(request.params()))) {
                Optional<Completion> hit = lookUp(key);
                if (hit.isPresent()) {
                    hits.incrementAndGet();
                    lastWasHit.set(Boolean.TRUE);
                    return hit.get();
                }
            }
            return next.call(request);
        } finally {
            firstLive.unlock();
        }
    }

    private Optional<Completion> lookUp(String key) {
        switch (reuse) {
            case ALWAYS:
                return cache.get(key, null);
            case IDENTITY:
                ServedIdentity now = served.identity();
                return now == null || !now.known() ? Optional.empty() : cache.get(key, now.digest());
            default:
                return Optional.empty();
        }
    }

    /** Whether the last call made on this thread was answered from the cache (the chain runs on the caller's thread). */
    boolean answeredLastCallOnThisThread() {
        return lastWasHit.get();
    }

    /** Requests answered from the cache so far. */
    long hits() {
        return hits.get();
    }
}
