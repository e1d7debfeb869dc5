package dev.tailgap.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static java.util.function.Function<String, String> headers(String... kv) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    @Test
    void goDurationsAsOpenAiSendsThem() {
        assertThat(RateLimitHeaders.parseDuration("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(RateLimitHeaders.parseDuration("6m0s")).isEqualTo(Duration.ofMinutes(6));
        assertThat(RateLimitHeaders.parseDuration("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(RateLimitHeaders.parseDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(RateLimitHeaders.parseDuration("0.25s")).isEqualTo(Duration.ofMillis(250));
        assertThat(RateLimitHeaders.parseDuration("1.5")).isNull();
        assertThat(RateLimitHeaders.parseDuration("soon")).isNull();
        assertThat(RateLimitHeaders.parseDuration("")).isNull();
        assertThat(RateLimitHeaders.parseDuration(null)).isNull();
    }

    @Test
    void theLongestResetOfAnExhaustedLimitIsTheWait() {
        assertThat(RateLimitHeaders.resetWait(headers("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1s", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "6m0s"))).isEqualTo(Duration.ofMinutes(6));
        assertThat(RateLimitHeaders.resetWait(headers("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1s", "x-ratelimit-remaining-tokens", "1200",
                "x-ratelimit-reset-tokens", "6m0s"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(RateLimitHeaders.resetWait(headers("X-RateLimit-Reset-Tokens", "250ms")))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(RateLimitHeaders.resetWait(headers("x-ratelimit-remaining-requests", "5",
                "x-ratelimit-reset-requests", "1s"))).isNull();
        assertThat(RateLimitHeaders.resetWait(headers())).isNull();
    }

    @Test
    void retryAfterHeadersWinOverResetHeaders() {
        assertThat(HttpStatusMapper.retryAfter(headers("Retry-After", "2", "x-ratelimit-reset-requests", "9s")))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(HttpStatusMapper.retryAfter(headers("retry-after-ms", "150", "x-ratelimit-reset-requests", "9s")))
                .isEqualTo(Duration.ofMillis(150));
        assertThat(HttpStatusMapper.retryAfter(headers("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "9s"))).isEqualTo(Duration.ofSeconds(9));
    }
}
