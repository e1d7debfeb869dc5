package dev.tailgap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.HttpStatusMapper;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import java.util.concurrent.TimeUnit;

/**
 * One streamed reply being read, event by event: a provider's reading of its stream format (OpenAI chunks, Anthropic
 * message events, Ollama lines). {@link StreamReader} feeds it every event's JSON data in order and asks for the
 * {@link Completion} once {@link #accept} says the last event arrived; a stream that ends before that, or an event
 * that reports an error, fails the request and never becomes a short answer.
 *
 * <p>A subclass hands answer text to {@link #text} and reasoning text to {@link #reasoning} as the deltas arrive; this
 * class joins them and notes when the first non-empty one came ({@link Completion#firstTokenMs()}: from the request
 * being sent; for a reply with no text at all, the time the reply was complete). One instance reads one reply, on the
 * requesting thread.
 */
public abstract class StreamedReply {
    /** The provider option that switches streaming on or off: {@code -o stream=false}. */
    public static final String OPTION = "stream";
    /** Whether replies are streamed when the option is not given. */
    public static final boolean DEFAULT = true;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private long firstTokenNanos;
    private boolean gotToken;

    /**
     * Takes one event: its SSE {@code event} name ({@code null} when unnamed, and for NDJSON lines) and its JSON
     * {@code data}, which is {@code null} for SSE's {@code [DONE]} sentinel. Returns true when this is the reply's
     * last event. Throws {@link MalformedReplyException} for an event of the wrong shape and {@link ErrorEvent} for an
     * event in which the server reports a failure.
     */
    protected abstract boolean accept(String event, JsonNode data) throws MalformedReplyException, ErrorEvent;

    /** What the last event of a complete reply is, for the message when a stream ends without it. */
    protected abstract String lastEvent();

    /**
     * The reply read from the events, with the joined answer {@code text} and {@code reasoningText} (empty when none
     * came); throws {@link MalformedReplyException} when the events lacked what a reply needs.
     */
    protected abstract Completion completion(String answer, String reasoningText) throws MalformedReplyException;

    /**
     * Whether {@code config} asks for streamed replies: its {@value #OPTION} option ({@code true|false}), else
     * {@value #DEFAULT}; another value is an {@link AdapterConfigException} naming the option.
     */
    public static boolean requested(AdapterConfig config) throws AdapterConfigException {
        return config.booleanOption(OPTION, DEFAULT);
    }

    /** Appends answer text; {@code null} and empty deltas are ignored. */
    protected final void text(String delta) {
        if (delta != null && !delta.isEmpty()) {
            firstToken();
            text.append(delta);
        }
    }

    /** Appends reasoning text (kept apart from the answer); {@code null} and empty deltas are ignored. */
    protected final void reasoning(String delta) {
        if (delta != null && !delta.isEmpty()) {
            firstToken();
            reasoning.append(delta);
        }
    }

    private void firstToken() {
        if (!gotToken) {
            gotToken = true;
            firstTokenNanos = System.nanoTime();
        }
    }

    /** The completion after the last event, timed from {@code startNanos} ({@link System#nanoTime()}). */
    final Completion finish(long startNanos) throws MalformedReplyException {
        long first = gotToken ? firstTokenNanos : System.nanoTime();
        return completion(text.toString(), reasoning.toString())
                .withFirstToken(TimeUnit.NANOSECONDS.toMillis(Math.max(0, first - startNanos)));
    }

    /**
     * A failure the server reported inside the stream, with {@code status} the HTTP-like code it gave (or 500): one
     * that names a per-item rejection (context overflow, content filter, see {@link HttpStatusMapper#kindOf(int,
     * String)}) is {@link FailureKind#ITEM_REJECTED}, 429 and 529 are {@link FailureKind#RATE_LIMITED}, everything
     * else {@link FailureKind#SERVER_ERROR}: the reply is incomplete, a retry may help.
     */
    protected static ErrorEvent errorEvent(int status, String what) {
        FailureKind kind = HttpStatusMapper.kindOf(status, what);
        if (kind != FailureKind.ITEM_REJECTED && kind != FailureKind.RATE_LIMITED) {
            kind = FailureKind.SERVER_ERROR;
        }
        return new ErrorEvent(kind, what);
    }

    /** The text of an error field: itself when it is text, else its {@code message}, else its JSON. */
    protected static String errorText(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode m = error.get("message");
        return m != null && m.isTextual() ? m.asText() : error.toString();
    }

    /** An error event: the server said the reply failed. */
    public static final class ErrorEvent extends Exception {
        private final FailureKind kind;

        ErrorEvent(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public FailureKind kind() {
            return kind;
        }
    }
}
