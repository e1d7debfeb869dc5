package dev.tailgap.harness.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import java.time.Duration;

/**
 * Retries retryable failures ({@link AdapterException#retryable()}: 429, 5xx, timeouts, dropped connections,
 * malformed replies) up to {@code maxRetries} times with exponential back-off and jitter, waiting at least as long as
 * the endpoint asked for (Retry-After). Non-retryable failures pass through at once. Built on Failsafe.
 */
public final class RetryInterceptor implements Interceptor {
    private final RetryPolicy<Completion> policy;

    public RetryInterceptor(int maxRetries, Duration baseDelay, Duration maxDelay) {
        this.policy = RetryPolicy.<Completion>builder()
                .handleIf(e -> e instanceof AdapterException && ((AdapterException) e).retryable())
                .withMaxRetries(maxRetries)
                .withBackoff(baseDelay, maxDelay)
                .withJitter(0.25)
                .withDelayFn(ctx -> {
                    Throwable last = ctx.getLastException();
                    if (last instanceof AdapterException) {
                        Duration asked = ((AdapterException) last).retryAfter().orElse(null);
                        if (asked != null) {
                            return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
                        }
                    }
                    return Duration.ofMillis(-1);
                })
                .build();
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        try {
            return Failsafe.with(policy).get(() -> next.call(request));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof AdapterException) {
                throw (AdapterException) e.getCause();
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new AdapterException(dev.tailgap.adapters.FailureKind.CANCELLED, "interrupted while waiting to retry");
            }
            throw e;
        }
    }
}
