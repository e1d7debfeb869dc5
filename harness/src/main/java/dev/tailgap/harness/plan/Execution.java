package dev.tailgap.harness.plan;

import dev.tailgap.harness.cache.CacheReuse;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run is carried out, never what is asked: requests in flight at most (adaptively lowered on 429s; default
 * {@value #DEFAULT_CONCURRENCY}), the per-request timeout (default 60 s, at most {@link #MAX_TIMEOUT}), retries of a
 * retryable failure (default {@value #DEFAULT_RETRIES}) and the first back-off wait (default 0.5 s, doubled per
 * retry), requests and tokens per minute ({@code null}: no cap), the error rate above which the run fails (default
 * {@value #DEFAULT_MAX_ERROR_RATE}), whether sampled requests (temperature &gt; 0 without a seed) may be answered from
 * the response cache, and which stored answers it may serve ({@link CacheReuse}). A resumed run may change any of
 * these. Immutable.
 */
public record Execution(int concurrency, Duration timeout, int retries, Duration retryBackoff, Integer rpm,
                        Integer tpm, double maxErrorRate, boolean cacheSampled, CacheReuse cacheReuse) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_RETRIES = 10;
    public static final double DEFAULT_MAX_ERROR_RATE = 0.02;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    /** Longest per-request timeout (a day): beyond it a request is a hang, not a slow answer. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** Longest first back-off wait (an hour). */
    public static final Duration MAX_RETRY_BACKOFF = Duration.ofHours(1);
    public static final Execution DEFAULTS = new Execution(DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT, DEFAULT_RETRIES,
            DEFAULT_RETRY_BACKOFF, null, null, DEFAULT_MAX_ERROR_RATE, false, CacheReuse.IDENTITY);

    public Execution {
        if (concurrency < 1) {
            throw new PlanException("concurrency must be >= 1, got " + concurrency);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new PlanException("timeout must be above 0 and at most " + MAX_TIMEOUT.toSeconds()
                    + " seconds, got " + timeout.toMillis() / 1000.0);
        }
        if (retries < 0) {
            throw new PlanException("retries must be >= 0, got " + retries);
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative() || retryBackoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
            throw new PlanException("retry back-off must be between 0 and " + MAX_RETRY_BACKOFF.toSeconds()
                    + " seconds, got " + retryBackoff.toMillis() / 1000.0);
        }
        if (rpm != null && rpm < 1) {
            throw new PlanException("rpm must be >= 1, got " + rpm);
        }
        if (tpm != null && tpm < 1) {
            throw new PlanException("tpm must be >= 1, got " + tpm);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new PlanException("max error rate must be in [0, 1], got " + maxErrorRate);
        }
        cacheReuse = cacheReuse == null ? CacheReuse.IDENTITY : cacheReuse;
    }

    public Execution withConcurrency(int v) {
        return new Execution(v, timeout, retries, retryBackoff, rpm, tpm, maxErrorRate, cacheSampled, cacheReuse);
    }

    public Execution withTimeout(Duration v) {
        return new Execution(concurrency, v, retries, retryBackoff, rpm, tpm, maxErrorRate, cacheSampled, cacheReuse);
    }

    public Execution withRetries(int v) {
        return new Execution(concurrency, timeout, v, retryBackoff, rpm, tpm, maxErrorRate, cacheSampled, cacheReuse);
    }

    public Execution withRetryBackoff(Duration v) {
        return new Execution(concurrency, timeout, retries, v, rpm, tpm, maxErrorRate, cacheSampled, cacheReuse);
    }

    public Execution withRpm(Integer v) {
        return new Execution(concurrency, timeout, retries, retryBackoff, v, tpm, maxErrorRate, cacheSampled,
                cacheReuse);
    }

    public Execution withTpm(Integer v) {
        return new Execution(concurrency, timeout, retries, retryBackoff, rpm, v, maxErrorRate, cacheSampled,
                cacheReuse);
    }

    public Execution withMaxErrorRate(double v) {
        return new Execution(concurrency, timeout, retries, retryBackoff, rpm, tpm, v, cacheSampled, cacheReuse);
    }

    public Execution withCacheSampled(boolean v) {
        return new Execution(concurrency, timeout, retries, retryBackoff, rpm, tpm, maxErrorRate, v, cacheReuse);
    }

    public Execution withCacheReuse(CacheReuse v) {
        return new Execution(concurrency, timeout, retries, retryBackoff, rpm, tpm, maxErrorRate, cacheSampled, v);
    }
}
