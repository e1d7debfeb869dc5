package dev.tailgap.adapters;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI-style rate-limit headers: {@code x-ratelimit-reset-requests} and {@code x-ratelimit-reset-tokens} say when a
 * limit resets, as a Go duration ({@code "1s"}, {@code "6m0s"}, {@code "20ms"}, {@code "1h2m3.5s"}), and
 * {@code x-ratelimit-remaining-requests} / {@code -tokens} how much of it is left.
 */
public final class RateLimitHeaders {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|us|µs|ns|m|s)");

    private RateLimitHeaders() {
    }

    /**
     * The wait until the exhausted limits reset: the longest reset among the limits whose remaining count is 0 (or
     * not given); {@code null} when no such limit has a readable reset time.
     */
    public static Duration resetWait(Function<String, String> header) {
        Duration wait = null;
        for (String limit : new String[] {"requests", "tokens"}) {
            String remaining = header.apply("x-ratelimit-remaining-" + limit);
            if (remaining != null && !remaining.trim().equals("0")) {
                continue;
            }
            Duration d = parseDuration(header.apply("x-ratelimit-reset-" + limit));
            if (d != null && (wait == null || d.compareTo(wait) > 0)) {
                wait = d;
            }
        }
        return wait;
    }

    /** A Go duration such as {@code "6m0s"} or {@code "1.5s"}; {@code null} when absent or unreadable. */
    public static Duration parseDuration(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(v);
        double nanos = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "h": nanos += n * 3.6e12; break;
                case "m": nanos += n * 6e10; break;
                case "s": nanos += n * 1e9; break;
                case "ms": nanos += n * 1e6; break;
                case "us": case "µs": nanos += n * 1e3; break;
                default: nanos += n; break;
            }
            at = m.end();
        }
        return at == v.length() ? Duration.ofNanos((long) nanos) : null;
    }
}
