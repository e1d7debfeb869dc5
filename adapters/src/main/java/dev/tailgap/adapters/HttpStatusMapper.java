package dev.tailgap.adapters;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one place that decides what an HTTP status means for a request: which {@link FailureKind} it is, whether a retry
 * can help, and how long the server asked us to wait. Every HTTP adapter maps failures through here.
 */
public final class HttpStatusMapper {
    private HttpStatusMapper() {
    }

    /** The failure kind of a non-2xx status. */
    public static FailureKind kindOf(int status) {
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 408) {
            return FailureKind.TIMEOUT;
        }
        if (status >= 500) {
            return status == 529 ? FailureKind.RATE_LIMITED : FailureKind.SERVER_ERROR;
        }
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status == 404) {
            return FailureKind.NOT_FOUND;
        }
        return FailureKind.BAD_REQUEST;
    }

    /**
     * The failure kind of a non-2xx status with its body: a 400, 413 or 422 whose body says the prompt is over the
     * context size or a content filter refused it is {@link FailureKind#ITEM_REJECTED} (that item fails, the run goes
     * on); everything else as {@link #kindOf(int)}.
     */
    public static FailureKind kindOf(int status, String body) {
        FailureKind kind = kindOf(status);
        if ((status == 400 || status == 413 || status == 422) && body != null && rejectsItem(body)) {
            return FailureKind.ITEM_REJECTED;
        }
        return kind;
    }

    private static boolean rejectsItem(String body) {
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("exceed_context_size") || b.contains("context_length_exceeded")
                || b.contains("context length") || b.contains("context window") || b.contains("context size")
                || b.contains("maximum context") || b.contains("too many tokens") || b.contains("prompt is too long")
                || b.contains("input is too long") || b.contains("content_filter") || b.contains("content filter")
                || b.contains("content management policy") || b.contains("content_policy");
    }

    /**
     * The wait a server asked for, from {@code Retry-After} (seconds or an HTTP date) or {@code retry-after-ms}, else
     * from the OpenAI-style {@code x-ratelimit-reset-*} headers of exhausted limits ({@link RateLimitHeaders});
     * {@code null} when absent or unreadable. {@code header} looks a header up by name (case-insensitive).
     */
    public static Duration retryAfter(java.util.function.Function<String, String> header) {
        String ms = header.apply("retry-after-ms");
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = header.apply("Retry-After");
        if (value == null || value.isBlank()) {
            return RateLimitHeaders.resetWait(header);
        }
        String v = value.trim();
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A one-line hint for a non-retryable status: what to fix. */
    public static String hint(FailureKind kind, String apiKeyEnv) {
        switch (kind) {
            case AUTH:
                return apiKeyEnv == null
                        ? "the endpoint wants a key: pass --api-key-env NAME with the key in that environment variable"
                        : "check the key in environment variable " + apiKeyEnv;
            case NOT_FOUND:
                return "check the base URL (OpenAI-compatible servers usually end in /v1) and the model name";
            case BAD_REQUEST:
                return "the endpoint rejected the request: check the model name and generation parameters";
            case ITEM_REJECTED:
                return "the endpoint refused this item (its prompt is too long for the context, or a content filter"
                        + " stopped it); the run goes on without it";
            default:
                return "";
        }
    }
}
