package dev.tailgap.adapters.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.HttpStatusMapper;
import dev.tailgap.adapters.Messages;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.Secrets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Base of every adapter that POSTs JSON and reads JSON back. A provider only says where to send a request
 * ({@link #path}), how to build the payload ({@link #payload}), which headers to add ({@link #headers}) and how to read
 * the reply ({@link #parse}; a streamed one through {@link #streamedReply}), and may refine the hint for a failure
 * ({@link #hint}); this class owns the transport ({@link HttpTransport}), status mapping, timeouts, cancellation (which closes a stream so
 * the server stops generating), the classification of malformed replies, and keeps the key and any other secret the
 * provider names out of every failure message and answer ({@link Secrets}). It never retries: the harness does.
 */
public abstract class JsonHttpAdapter implements ModelAdapter {
    /** Shared, thread-safe JSON mapper for payloads and replies. */
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a whole reply: one JSON value, nothing after it (several would be a stream sent as one reply). */
    private static final ObjectReader WHOLE = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final HttpTransport transport;
    private final long timeoutNanos;
    private final HttpUrl baseUrl;
    private final String apiKeyEnv;
    private final String apiKey;
    private final Secrets secrets;
    private volatile boolean closed;

    /** An adapter whose only secret is the config's API key. */
    protected JsonHttpAdapter(HttpUrl baseUrl, AdapterConfig config) {
        this(baseUrl, config, List.of());
    }

    /**
     * An adapter holding further secret values ({@code secrets}: resolved header or URL references) besides the
     * config's API key; none of them ever appears in a failure message.
     */
    protected JsonHttpAdapter(HttpUrl baseUrl, AdapterConfig config, Collection<String> secrets) {
        this.baseUrl = baseUrl;
        this.apiKeyEnv = config.apiKeyEnv();
        this.apiKey = config.apiKey().orElse(null);
        List<String> all = new ArrayList<>(secrets);
        if (apiKey != null) {
            all.add(apiKey);
        }
        this.secrets = Secrets.of(all);
        this.transport = HttpTransport.of(baseUrl, config);
        this.timeoutNanos = config.timeout().toNanos();
    }

    /** The path below the base URL for this request, e.g. {@code chat/completions}. */
    protected abstract String path(CompletionRequest request);

    /** The JSON body for this request; an {@link IOException} fails the request as {@link FailureKind#BAD_REQUEST}. */
    protected abstract JsonNode payload(CompletionRequest request) throws IOException;

    /** Extra headers (authentication, versions). Values never reach logs or files. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /**
     * Reads the completion out of a 2xx JSON reply; throws {@link MalformedReplyException} when a field is missing or
     * of the wrong type.
     */
    protected abstract Completion parse(JsonNode reply) throws MalformedReplyException;

    /**
     * The completion in a whole 2xx reply read straight from its bytes, or {@code null} (the default) to have it read
     * as a tree by {@link #parse}. An adapter that overrides this must return the same completion as {@link #parse}
     * would, and {@code null} for any reply {@link #parse} would refuse, so a refusal always comes from there.
     */
    protected Completion read(byte[] reply) {
        return null;
    }

    /**
     * A new reader for one streamed reply, or {@code null} (the default) when this adapter reads only whole replies.
     * An adapter asks for a stream in its {@link #payload}; a 2xx reply in a stream format ({@code text/event-stream},
     * {@code application/x-ndjson}) is read event by event through this reader, whether asked for or not, and the
     * call timeout bounds the whole stream; any other 2xx reply (a server that ignores the request to stream) is read
     * whole by {@link #parse}.
     */
    protected StreamedReply streamedReply() {
        return null;
    }

    /**
     * A one-line hint for a non-retryable failure: what to fix. The default is {@link HttpStatusMapper#hint} with the
     * key variable's name.
     */
    protected String hint(FailureKind kind) {
        return HttpStatusMapper.hint(kind, apiKeyEnv);
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        try {
            return send(request);
        } catch (AdapterException e) {
            throw secrets.scrub(e);
        }
    }

    private Completion send(CompletionRequest request) throws AdapterException {
        if (closed) {
            throw new AdapterException(FailureKind.CANCELLED, "adapter for " + baseUrl + " is closed");
        }
        HttpUrl url = resolve(path(request));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload(request));
        } catch (IOException e) {
            throw new AdapterException(FailureKind.BAD_REQUEST, "cannot encode request: " + e.getMessage());
        }
        long start = System.nanoTime();
        HttpTransport.Exchange exchange;
        try {
            exchange = transport.post(url, headers(), body, timeoutNanos);
        } catch (IllegalArgumentException e) {
            throw new AdapterException(FailureKind.BAD_REQUEST, "cannot send request to " + url + ": "
                    + e.getMessage());
        } catch (IOException e) {
            throw transportFailure(url, e);
        }
        try (exchange) {
            boolean ok = exchange.code() >= 200 && exchange.code() < 300;
            StreamReader.Format format = ok ? StreamReader.formatOf(exchange.contentType()) : null;
            StreamedReply stream = format == null ? null : streamedReply();
            if (stream != null) {
                return scrubbed(StreamReader.read(exchange.source(), format, stream, url, start));
            }
            byte[] bytes = exchange.bytes();
            if (!ok) {
                String text = text(bytes, exchange);
                FailureKind kind = HttpStatusMapper.kindOf(exchange.code(), text);
                String hint = hint(kind);
                throw new AdapterException(kind, "HTTP " + exchange.code() + " from " + url + ": "
                        + Messages.snippet(text) + (hint.isEmpty() ? "" : " (" + hint + ")"),
                        HttpStatusMapper.retryAfter(exchange::header), null);
            }
            Completion fast = read(bytes);
            if (fast != null) {
                return scrubbed(fast);
            }
            JsonNode reply;
            try {
                reply = WHOLE.readTree(bytes);
            } catch (IOException e) {
                throw malformed(url, "reply is not JSON: " + Messages.snippet(text(bytes, exchange)));
            }
            if (reply == null || !reply.isContainerNode()) {
                throw malformed(url, "reply is not a JSON object or array: "
                        + Messages.snippet(text(bytes, exchange)));
            }
            try {
                return scrubbed(parse(reply));
            } catch (MalformedReplyException e) {
                throw malformed(url, e.getMessage());
            }
        } catch (AdapterException e) {
            throw e;
        } catch (IOException e) {
            throw transportFailure(url, exchange.failure(e));
        }
    }

    /** A reply body as text, in the charset its content type names (UTF-8 by default), for messages. */
    private static String text(byte[] bytes, HttpTransport.Exchange exchange) {
        MediaType type = exchange.contentType();
        java.nio.charset.Charset cs = type == null ? null : type.charset(null);
        return new String(bytes, cs == null ? java.nio.charset.StandardCharsets.UTF_8 : cs);
    }

    /** {@code c} with every secret masked: a server may echo a key inside a successful answer. */
    private Completion scrubbed(Completion c) {
        return c.withText(secrets.scrub(c.text())).withReasoning(secrets.scrub(c.reasoning()));
    }

    private static AdapterException transportFailure(HttpUrl url, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new AdapterException(FailureKind.TIMEOUT, "no reply from " + url + " within the timeout", null, e);
        }
        if (e instanceof InterruptedIOException) {
            return new AdapterException(FailureKind.CANCELLED, "cancelled: " + url, null, e);
        }
        String what = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException ? "cannot reach " : "connection to ";
        return new AdapterException(FailureKind.CONNECTION, what + url + (what.startsWith("connection") ? " broke: "
                : ": ") + describe(e), null, e);
    }

    /**
     * GETs {@code url} and returns its JSON, or {@code null} when the request fails, the status is not 2xx or the body
     * is not JSON: for {@link #probe()}, which never fails a run. The timeout is the run's, at most five seconds.
     */
    protected final JsonNode getJson(HttpUrl url) {
        try (HttpTransport.Exchange exchange = transport.get(url, headers(),
                Math.min(TimeUnit.SECONDS.toNanos(5), timeoutNanos))) {
            if (exchange.code() < 200 || exchange.code() >= 300) {
                return null;
            }
            return JSON.readTree(exchange.bytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The base URL requests are resolved against. */
    protected final HttpUrl baseUrl() {
        return baseUrl;
    }

    /** {@code path} below the base URL. */
    protected final HttpUrl urlOf(String path) {
        return resolve(path);
    }

    /** Cancels every call in flight, a stream being read included: its connection is closed, the server stops. */
    @Override
    public void cancelAll() {
        transport.cancelAll();
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }

    /** Connections the adapter holds open (idle or in use); none after {@link #close()}. */
    int openConnections() {
        return transport.openConnections();
    }

    private HttpUrl resolve(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b.build();
    }

    private static AdapterException malformed(HttpUrl url, String what) {
        return new AdapterException(FailureKind.MALFORMED, "malformed reply from " + url + ": " + what);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /** Thrown by {@link #parse} when the reply lacks a field the provider needs. */
    public static final class MalformedReplyException extends Exception {
        public MalformedReplyException(String message) {
            super(message);
        }
    }

    /**
     * Adds chat {@code messages} to {@code body}: the system message (when there is one), the request's turns as
     * user/assistant pairs, then the prompt.
     */
    protected static void putMessages(ObjectNode body, CompletionRequest request) {
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        putTurns(messages, request);
        messages.addObject().put("role", "user").put("content", request.prompt());
    }

    /** Adds the request's turns to {@code messages}, each as a user message and the assistant's answer. */
    protected static void putTurns(ArrayNode messages, CompletionRequest request) {
        for (dev.tailgap.adapters.ChatTurn t : request.turns()) {
            messages.addObject().put("role", "user").put("content", t.user());
            messages.addObject().put("role", "assistant").put("content", t.assistant());
        }
    }

    /** The API key read from the config's variable, or {@code null}. */
    protected final String apiKey() {
        return apiKey;
    }

    /** An {@code Authorization: Bearer} header with {@link #apiKey()}, or none without a key. */
    protected final Map<String, String> bearer() {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    /** The text at {@code path} (JSON Pointer), or a {@link MalformedReplyException} naming the pointer. */
    protected static String requireText(JsonNode reply, String pointer) throws MalformedReplyException {
        JsonNode n = reply.at(pointer);
        if (n.isMissingNode() || n.isNull() || !n.isTextual()) {
            throw new MalformedReplyException("no text at " + pointer);
        }
        return n.asText();
    }

    /** The text at {@code pointer} (JSON Pointer), or {@code null} when absent, null or not text. */
    protected static String optionalText(JsonNode node, String pointer) {
        JsonNode n = node.at(pointer);
        return n.isTextual() ? n.asText() : null;
    }

    /** The int at {@code pointer}, or {@link Completion#UNKNOWN}. */
    protected static int optionalInt(JsonNode reply, String pointer) {
        JsonNode n = reply.at(pointer);
        return n.canConvertToInt() ? n.asInt() : Completion.UNKNOWN;
    }
}
