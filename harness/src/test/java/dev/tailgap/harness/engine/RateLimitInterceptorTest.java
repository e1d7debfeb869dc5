package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits on a simulated clock: waiting advances the clock instead of sleeping. */
class RateLimitInterceptorTest {
    /** A clock that only moves when something waits on it. */
    static final class SimulatedTime implements TimeMeter, BlockingStrategy {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanosToPark) {
            nanos += nanosToPark;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    private static CompletionRequest request(int promptChars, int maxTokens) {
        return new CompletionRequest("m", "x".repeat(promptChars), null,
                new GenerationParams(0, maxTokens, List.of(), null));
    }

    @Test
    void requestsPerMinuteAreSpreadOverTheMinute() throws Exception {
        SimulatedTime t = new SimulatedTime();
        RateLimitInterceptor limit = new RateLimitInterceptor(60, null, t, t);
        for (int i = 0; i < 10; i++) {
            limit.intercept(request(4, 1), r -> new Completion("a", 1, 1));
        }
        // one a second: the first at once, then nine waits of a second
        assertThat(t.seconds()).isCloseTo(9.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void tokensAreEstimatedBeforeAndCorrectedAfter() throws Exception {
        assertThat(RateLimitInterceptor.estimate(request(40, 10))).isEqualTo(10 + 10);
        assertThat(RateLimitInterceptor.used(request(40, 10), new Completion("abc", 7, 2))).isEqualTo(9);
        assertThat(RateLimitInterceptor.used(request(40, 10), new Completion("abcdefgh", -1, -1))).isEqualTo(10 + 2);

        // 6,000 tokens a minute = 100 a second, and the bucket holds one second's worth
        SimulatedTime t = new SimulatedTime();
        RateLimitInterceptor limit = new RateLimitInterceptor(null, 6000, t, t);
        limit.intercept(request(400, 50), r -> new Completion("a", 100, 100)); // estimated 150, used 200: 100 owed
        assertThat(t.seconds()).isZero();
        limit.intercept(request(4, 9), r -> new Completion("a", 1, 1)); // waits for the debt and its own 10
        assertThat(t.seconds()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(0.01));

        SimulatedTime u = new SimulatedTime();
        RateLimitInterceptor generous = new RateLimitInterceptor(null, 6000, u, u);
        generous.intercept(request(4, 99), r -> new Completion("a", 1, 1)); // estimated 100, used 2: 98 given back
        generous.intercept(request(4, 97), r -> new Completion("a", 1, 1)); // so 98 more need no wait
        assertThat(u.seconds()).isZero();
    }
}
