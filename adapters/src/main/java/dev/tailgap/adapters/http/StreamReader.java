package dev.tailgap.adapters.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.Messages;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okio.BufferedSource;

/**
 * Reads a streamed reply body line by line, on the requesting thread, into a {@link StreamedReply}: server-sent
 * events ({@code text/event-stream}: {@code data:} lines joined per event, {@code event:} names, comments and other
 * fields skipped, an event ends at a blank line or at the end of the body) or JSON lines ({@code application/x-ndjson}:
 * one event per non-blank line). Each line is read once into a byte array and parsed by Jackson in place: no strings
 * are made for data lines.
 *
 * <p>Failures: an event that is not JSON, or a body that ends before the reply's last event, is
 * {@link FailureKind#MALFORMED}; an event reporting an error is its {@link StreamedReply.ErrorEvent#kind()}; both
 * name the URL and how many events arrived. A transport failure (timeout, cancellation, a dropped connection) is left
 * to the caller as the {@link IOException} the read threw.
 */
final class StreamReader {
    /** The wire formats a streamed reply comes in. */
    enum Format { SSE, NDJSON }

    /** Longest line accepted; a longer one is a malformed reply (a stream is not a place for megabytes on a line). */
    static final long MAX_LINE = 16L << 20;
    private static final ObjectReader JSON = JsonHttpAdapter.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

    private final BufferedSource source;
    private final StreamedReply reply;
    private final HttpUrl url;
    private int events;

    private StreamReader(BufferedSource source, StreamedReply reply, HttpUrl url) {
        this.source = source;
        this.reply = reply;
        this.url = url;
    }

    /** The stream format a reply's content type names, or {@code null} for a whole (JSON or other) reply. */
    static Format formatOf(MediaType type) {
        if (type == null) {
            return null;
        }
        String t = type.type() + "/" + type.subtype();
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "text/event-stream":
                return Format.SSE;
            case "application/x-ndjson":
            case "application/ndjson":
            case "application/jsonl":
            case "application/x-jsonlines":
                return Format.NDJSON;
            default:
                return null;
        }
    }

    /**
     * Reads {@code source} in {@code format} into {@code reply} and returns its completion; {@code startNanos} is when
     * the request was sent.
     */
    static Completion read(BufferedSource source, Format format, StreamedReply reply, HttpUrl url, long startNanos)
            throws IOException, AdapterException {
        StreamReader r = new StreamReader(source, reply, url);
        boolean complete = format == Format.SSE ? r.readEvents() : r.readLines();
        if (!complete) {
            throw r.failure(FailureKind.MALFORMED, "stream ended after " + r.events + " event"
                    + (r.events == 1 ? "" : "s") + " without " + reply.lastEvent() + ": the reply is incomplete");
        }
        try {
            return reply.finish(startNanos);
        } catch (MalformedReplyException e) {
            throw r.failure(FailureKind.MALFORMED, e.getMessage());
        }
    }

    private boolean readLines() throws IOException, AdapterException {
        byte[] line;
        while ((line = nextLine()) != null) {
            int end = trimEnd(line, line.length);
            int start = 0;
            while (start < end && (line[start] == ' ' || line[start] == '\t')) {
                start++;
            }
            if (start < end && dispatch(null, line, start, end - start)) {
                return true;
            }
        }
        return false;
    }

    private boolean readEvents() throws IOException, AdapterException {
        byte[] data = null;
        int dataOffset = 0;
        int dataLength = 0;
        String event = null;
        byte[] line;
        while ((line = nextLine()) != null) {
            int end = trimEnd(line, line.length);
            if (end == 0) {
                if (data != null && dispatch(event, data, dataOffset, dataLength)) {
                    return true;
                }
                data = null;
                event = null;
                continue;
            }
            if (line[0] == ':') {
                continue; // a comment (keep-alive)
            }
            int colon = indexOf(line, end, (byte) ':');
            int field = colon < 0 ? end : colon;
            int value = colon < 0 ? end : colon + 1;
            if (value < end && line[value] == ' ') {
                value++;
            }
            if (is(line, field, DATA)) {
                if (data == null) {
                    data = line;
                    dataOffset = value;
                    dataLength = end - value;
                } else { // a second data line of one event: joined with a newline, as the format says
                    byte[] joined = Arrays.copyOfRange(data, dataOffset, dataOffset + dataLength + 1 + end - value);
                    joined[dataLength] = '\n';
                    System.arraycopy(line, value, joined, dataLength + 1, end - value);
                    data = joined;
                    dataOffset = 0;
                    dataLength = joined.length;
                }
            } else if (is(line, field, EVENT)) {
                event = new String(line, value, end - value, StandardCharsets.UTF_8);
            }
        }
        return data != null && dispatch(event, data, dataOffset, dataLength); // a last event without a blank line
    }

    private boolean dispatch(String event, byte[] b, int off, int len) throws AdapterException {
        if (len == 0) {
            return false; // an event without data is not dispatched
        }
        events++;
        JsonNode data = null;
        if (len != DONE.length || !Arrays.equals(b, off, off + len, DONE, 0, len)) {
            try {
                data = JSON.readTree(b, off, len);
            } catch (IOException e) {
                throw failure(FailureKind.MALFORMED, "event " + events + " is not JSON: "
                        + Messages.snippet(new String(b, off, len, StandardCharsets.UTF_8)));
            }
            if (data == null || !data.isObject()) {
                throw failure(FailureKind.MALFORMED, "event " + events + " is not a JSON object: "
                        + Messages.snippet(new String(b, off, len, StandardCharsets.UTF_8)));
            }
        }
        try {
            return reply.accept(event, data);
        } catch (MalformedReplyException e) {
            throw failure(FailureKind.MALFORMED, "event " + events + ": " + e.getMessage());
        } catch (StreamedReply.ErrorEvent e) {
            throw new AdapterException(e.kind(), "error in the stream from " + url + " after " + (events - 1)
                    + " event" + (events == 2 ? "" : "s") + ": " + Messages.snippet(e.getMessage()));
        }
    }

    /** The next line without its line feed, or {@code null} at the end of the body. */
    private byte[] nextLine() throws IOException, AdapterException {
        long lf = source.indexOf((byte) '\n', 0, MAX_LINE);
        if (lf >= 0) {
            byte[] line = lf == 0 ? EMPTY : source.readByteArray(lf);
            source.skip(1);
            return line;
        }
        if (source.getBuffer().size() >= MAX_LINE) {
            throw failure(FailureKind.MALFORMED, "a line of the stream is longer than " + (MAX_LINE >> 20) + " MiB");
        }
        return source.exhausted() ? null : source.readByteArray(); // the last line, without a line feed
    }

    private AdapterException failure(FailureKind kind, String what) {
        return new AdapterException(kind, "malformed reply from " + url + ": " + what);
    }

    private static int trimEnd(byte[] line, int end) {
        return end > 0 && line[end - 1] == '\r' ? end - 1 : end;
    }

    private static int indexOf(byte[] line, int end, byte b) {
        for (int i = 0; i < end; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(byte[] line, int fieldEnd, byte[] name) {
        return fieldEnd == name.length && Arrays.equals(line, 0, fieldEnd, name, 0, fieldEnd);
    }
}
