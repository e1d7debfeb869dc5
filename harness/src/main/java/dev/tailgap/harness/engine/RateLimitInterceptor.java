package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Requests-per-minute and tokens-per-minute limits, as token buckets (Bucket4j) that hold one second's worth of the
 * limit and refill continuously, so requests are spread over the minute rather than sent in a burst.
 *
 * <p>Before each attempt it waits for one request and for the attempt's estimated tokens: prompt and system characters
 * / 4 plus {@code maxTokens} (how OpenAI estimates a request against its limit). After a completion it corrects the
 * estimate with the token counts the endpoint reported (or the reply's characters / 4 when it reported none): tokens
 * over the estimate are taken as debt that later requests wait for, tokens under it are given back. A failed attempt
 * keeps what it took, as providers count failed requests too. Thread-safe; a waiting thread that is interrupted fails
 * with {@link FailureKind#CANCELLED}.
 */
public final class RateLimitInterceptor implements Interceptor {
    private final Bucket requests;
    private final Bucket tokens;
    private final long tokenCapacity;
    private final BlockingStrategy blocking;

    /** Limits of {@code rpm} requests and {@code tpm} tokens per minute; {@code null} for no limit. */
    public RateLimitInterceptor(Integer rpm, Integer tpm) {
        this(rpm, tpm, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    RateLimitInterceptor(Integer rpm, Integer tpm, TimeMeter clock, BlockingStrategy blocking) {
        this.requests = rpm == null ? null : perMinute(rpm, clock);
        this.tokenCapacity = tpm == null ? 0 : capacity(tpm);
        this.tokens = tpm == null ? null : perMinute(tpm, clock);
        this.blocking = blocking;
    }

    private static long capacity(long perMinute) {
        return Math.max(1, perMinute / 60);
    }

    private static Bucket perMinute(long limit, TimeMeter clock) {
        return Bucket.builder()
                .addLimit(b -> b.capacity(capacity(limit)).refillGreedy(limit, Duration.ofMinutes(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        long taken = 0;
        try {
            if (requests != null) {
                requests.asBlocking().consume(1, blocking);
            }
            if (tokens != null) {
                taken = Math.min(estimate(request), tokenCapacity);
                tokens.asBlocking().consume(taken, blocking);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException(FailureKind.CANCELLED, "interrupted while waiting for the rate limit");
        }
        Completion c = next.call(request);
        if (tokens != null) {
            long diff = used(request, c) - taken;
            if (diff > 0) {
                tokens.consumeIgnoringRateLimits(diff);
            } else if (diff < 0) {
                tokens.addTokens(-diff);
            }
        }
        return c;
    }

    /** Tokens a request may use: its prompt and system characters / 4, rounded up, plus its max tokens. */
    static long estimate(CompletionRequest r) {
        return promptTokens(r) + r.params().maxTokens();
    }

    /** Tokens a completed request used, as reported by the endpoint or else estimated from characters. */
    static long used(CompletionRequest r, Completion c) {
        long prompt = c.promptTokens() >= 0 ? c.promptTokens() : promptTokens(r);
        long completion = c.completionTokens() >= 0 ? c.completionTokens() : (c.text().length() + 3) / 4;
        return prompt + completion;
    }

    private static long promptTokens(CompletionRequest r) {
        long chars = r.prompt().length() + (r.system() == null ? 0 : r.system().length());
        for (dev.tailgap.adapters.ChatTurn t : r.turns()) {
            chars += t.user().length() + t.assistant().length();
        }
        return (chars + 3) / 4;
    }
}
