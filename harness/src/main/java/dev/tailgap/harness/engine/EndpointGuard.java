package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Decides when a run must stop because of the endpoint, from every attempt (retries included) and every finished item.
 *
 * <ul>
 *   <li>A non-retryable failure of the run's settings (401/403, 404, a 400 before any request succeeded) stops at once,
 *       with what to fix.</li>
 *   <li>A failure caused by one item ({@link FailureKind#ITEM_REJECTED}: context overflow, content filter, or any 400
 *       after requests have succeeded) ends that item as ERROR; the run goes on and the error threshold decides.</li>
 *   <li>More ERROR items than {@code maxErrorRate} allows of the planned total stops the run; so does a first wave of
 *       requests that all failed.</li>
 *   <li>The endpoint is <em>down</em> when at least {@link #DOWN_FAILURES} connection failures or timeouts came in a
 *       row and no request has succeeded for {@link #DOWN_AFTER}: the run stops (exit 4) instead of retrying for
 *       minutes.</li>
 * </ul>
 * Thread-safe; {@code onFatal} is called once, when the first reason to stop is found.
 */
final class EndpointGuard implements RetryInterceptor.Attempts {
    /** Connection failures or timeouts in a row before the endpoint may be declared down. */
    static final int DOWN_FAILURES = 3;
    /** Time without any successful reply after which those failures mean the endpoint is down. */
    static final Duration DOWN_AFTER = Duration.ofSeconds(20);

    private final long maxErrors;
    private final long planned;
    private final double maxErrorRate;
    private final long firstWave;
    private final String settingsHint;
    private final Runnable onFatal;
    private final java.util.function.Consumer<String> onRetry;
    private final LongSupplier clock;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong inARow = new AtomicLong();
    private final AtomicLong lastSuccess;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /**
     * A guard for {@code planned} items, at most {@code maxErrorRate} of them ERROR, {@code concurrency} in flight;
     * {@code settingsHint} names the model and endpoint for messages about settings.
     */
    EndpointGuard(long planned, double maxErrorRate, int concurrency, String settingsHint, Runnable onFatal,
                  java.util.function.Consumer<String> onRetry, LongSupplier clock) {
        this.onRetry = onRetry;
        this.maxErrors = (long) Math.floor(maxErrorRate * planned);
        this.planned = planned;
        this.maxErrorRate = maxErrorRate;
        this.firstWave = Math.min(planned, Math.max(2L * concurrency, 10));
        this.settingsHint = settingsHint;
        this.onFatal = onFatal;
        this.clock = clock;
        this.lastSuccess = new AtomicLong(clock.getAsLong());
    }

    /** The reason the run must stop, or {@code null}. */
    String fatal() {
        return fatal.get();
    }

    boolean stopped() {
        return fatal.get() != null;
    }

    /** The message of the last failed item, or {@code null}. */
    String lastError() {
        return lastError.get();
    }

    @Override
    public void succeeded() {
        successes.incrementAndGet();
        inARow.set(0);
        lastSuccess.set(clock.getAsLong());
    }

    @Override
    public void failed(AdapterException e) {
        if (e.kind() == FailureKind.CONNECTION || e.kind() == FailureKind.TIMEOUT) {
            long n = inARow.incrementAndGet();
            long quiet = clock.getAsLong() - lastSuccess.get();
            onRetry.accept(e.getMessage());
            if (n >= DOWN_FAILURES && quiet >= DOWN_AFTER.toNanos()) {
                stop("the endpoint stopped answering: no successful reply for " + quiet / 1_000_000_000L + " s and "
                        + n + " connection failures or timeouts in a row (last: " + e.getMessage() + ")");
            }
        } else if (e.retryable()) {
            onRetry.accept(e.getMessage());
        }
    }

    /** Whether the endpoint has been declared down: retries stop at once. */
    @Override
    public boolean givingUp() {
        return stopped();
    }

    /** An item ended in ERROR with {@code e} (after its retries). */
    void itemFailed(AdapterException e) {
        long n = errors.incrementAndGet();
        lastError.set(e.getMessage());
        if (e.kind() == FailureKind.ENDPOINT_DOWN) {
            return; // the reason is already recorded
        }
        boolean perItem = e.kind() == FailureKind.ITEM_REJECTED
                || e.kind() == FailureKind.BAD_REQUEST && successes.get() > 0;
        if (!e.retryable() && !perItem) {
            stop(e.getMessage() + (e.kind() == FailureKind.AUTH ? "" : "; " + settingsHint));
        } else if (successes.get() == 0 && (n > maxErrors || n >= firstWave)) {
            stop(e.getMessage() + " (no request has succeeded)");
        } else if (n > maxErrors) {
            stop(String.format(Locale.ROOT, "%d of %d planned items failed at the endpoint (%.1f%%), more than the "
                    + "allowed error rate %.1f%% (--max-error-rate %s); last error: %s", n, planned, 100.0 * n / planned,
                    100 * maxErrorRate, BigDecimal.valueOf(maxErrorRate).stripTrailingZeros().toPlainString(),
                    e.getMessage()));
        }
    }

    private void stop(String reason) {
        if (fatal.compareAndSet(null, reason)) {
            onFatal.run();
        }
    }
}
