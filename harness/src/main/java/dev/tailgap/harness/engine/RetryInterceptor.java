package dev.tailgap.harness.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Retries retryable failures ({@link AdapterException#retryable()}: 429, 5xx, timeouts, dropped connections,
 * malformed replies) up to {@code maxRetries} times; non-retryable ones (400, 401, 403, 404, cancelled) pass through at
 * once. The wait before retry {@code n} is what the endpoint asked for ({@code Retry-After}, {@code retry-after-ms},
 * {@code x-ratelimit-reset-*}, see {@link AdapterException#retryAfter()}) plus up to 10% jitter, or else exponential
 * back-off with equal jitter: half of {@code min(backoff × 2^(n-1), 30 s)} plus a random part of the other half. So a
 * 429 without a hint waits about {@code backoff}, never a fixed minute.
 *
 * <p>Until some request through this interceptor has succeeded, a connection failure is retried only once: an
 * endpoint that was never reachable is a wrong URL or a server that is down, and the run should say so in seconds.
 * The back-off after a connection failure is at most {@link #MAX_CONNECTION_BACKOFF}, so a server that went away is
 * noticed quickly. Every attempt is reported to {@link Attempts}, which can end all retries at once (the endpoint is
 * down: {@link FailureKind#ENDPOINT_DOWN}). The calling thread waits out each back-off, between a call to
 * {@link Backoffs#backoffStarted()} and one to {@link Backoffs#backoffEnded()}. Built on Failsafe; thread-safe.
 */
public final class RetryInterceptor implements Interceptor {
    /** Longest exponential back-off between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Longest wait honoured from a server's hint. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    /** Retries of a connection failure before any request has succeeded. */
    static final int UNREACHED_RETRIES = 1;
    /** Longest back-off after a connection failure. */
    static final Duration MAX_CONNECTION_BACKOFF = Duration.ofSeconds(5);

    /** Hears of every attempt and may end all retries. */
    public interface Attempts {
        void succeeded();

        void failed(AdapterException e);

        /** True when no further attempt should be made. */
        boolean givingUp();

        Attempts NONE = new Attempts() {
            @Override
            public void succeeded() {
            }

            @Override
            public void failed(AdapterException e) {
            }

            @Override
            public boolean givingUp() {
                return false;
            }
        };
    }

    /** Hears, on the waiting thread, when it starts and ends waiting out a back-off. */
    public interface Backoffs {
        void backoffStarted();

        void backoffEnded();

        Backoffs NONE = new Backoffs() {
            @Override
            public void backoffStarted() {
            }

            @Override
            public void backoffEnded() {
            }
        };
    }

    private final FailsafeExecutor<Completion> retrying;
    private final Attempts attempts;
    private final Backoffs backoffs;
    private final int maxRetries;
    private final AtomicBoolean reached = new AtomicBoolean();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();

    public RetryInterceptor(int maxRetries, Duration backoff) {
        this(maxRetries, backoff, Attempts.NONE);
    }

    /** Retries reporting every attempt to {@code attempts}. */
    public RetryInterceptor(int maxRetries, Duration backoff, Attempts attempts) {
        this(maxRetries, backoff, attempts, Backoffs.NONE);
    }

    /** Retries reporting every attempt to {@code attempts} and every back-off to {@code backoffs}. */
    public RetryInterceptor(int maxRetries, Duration backoff, Attempts attempts, Backoffs backoffs) {
        this.attempts = attempts;
        this.backoffs = backoffs;
        this.maxRetries = maxRetries;
        RetryPolicy<Completion> policy = RetryPolicy.<Completion>builder()
                .handleIf(e -> e instanceof AdapterException && ((AdapterException) e).retryable())
                .withMaxRetries(maxRetries)
                .withDelayFn(ctx -> {
                    Throwable last = ctx.getLastException();
                    Duration asked = last instanceof AdapterException
                            ? ((AdapterException) last).retryAfter().orElse(null) : null;
                    Duration d = delay(ctx.getAttemptCount(), asked, backoff,
                            ThreadLocalRandom.current().nextDouble());
                    boolean connection = last instanceof AdapterException
                            && ((AdapterException) last).kind() == FailureKind.CONNECTION;
                    return connection && d.compareTo(MAX_CONNECTION_BACKOFF) > 0 ? MAX_CONNECTION_BACKOFF : d;
                })
                .build();
        this.retrying = Failsafe.with(policy);
    }

    /**
     * The wait before retry number {@code retry} (1-based): the server's hint {@code asked} (capped at
     * {@link #MAX_RETRY_AFTER}) plus up to 10% of it, else half the exponential back-off plus {@code random} (in
     * [0, 1)) times the other half.
     */
    static Duration delay(int retry, Duration asked, Duration backoff, double random) {
        if (asked != null) {
            Duration wait = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            return wait.plusMillis((long) (wait.toMillis() * 0.1 * random));
        }
        long base = backoff.toMillis();
        long exp = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(20, Math.max(0, retry - 1)));
        return Duration.ofMillis(exp / 2 + (long) (exp / 2.0 * random));
    }

    /** Requests passed on so far, retries included. */
    public long requests() {
        return requests.sum();
    }

    /** Of {@link #requests()}, those that were retries. */
    public long retries() {
        return retries.sum();
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        boolean[] waiting = {false};
        try {
            return retrying.get(ctx -> {
                if (waiting[0]) {
                    waiting[0] = false;
                    backoffs.backoffEnded();
                }
                if (attempts.givingUp()) {
                    throw new GiveUp(new AdapterException(FailureKind.ENDPOINT_DOWN,
                            "not asked: the endpoint stopped answering"));
                }
                requests.increment();
                if (ctx.isRetry()) {
                    retries.increment();
                }
                try {
                    Completion c = next.call(request);
                    reached.set(true);
                    attempts.succeeded();
                    return c;
                } catch (AdapterException e) {
                    attempts.failed(e);
                    if (attempts.givingUp()) {
                        throw new GiveUp(e.kind() == FailureKind.CANCELLED ? e
                                : new AdapterException(FailureKind.ENDPOINT_DOWN, e.getMessage()));
                    }
                    if (e.kind() == FailureKind.CONNECTION && !reached.get()
                            && ctx.getAttemptCount() >= UNREACHED_RETRIES) {
                        throw new GiveUp(e);
                    }
                    if (e.retryable() && ctx.getAttemptCount() < maxRetries) {
                        waiting[0] = true; // Failsafe retries it after the delay
                        backoffs.backoffStarted();
                    }
                    throw e;
                }
            });
        } catch (GiveUp e) {
            throw e.failure;
        } catch (FailsafeException e) {
            if (e.getCause() instanceof AdapterException) {
                throw (AdapterException) e.getCause();
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new AdapterException(FailureKind.CANCELLED, "interrupted while waiting to retry");
            }
            throw e;
        } finally {
            if (waiting[0]) {
                backoffs.backoffEnded();
            }
        }
    }

    /** Carries a failure past the retry policy (which only handles {@link AdapterException}s). */
    private static final class GiveUp extends RuntimeException {
        final AdapterException failure;

        GiveUp(AdapterException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
