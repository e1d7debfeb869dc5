package dev.tailgap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.HttpStatusMapper;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Base of every adapter that POSTs JSON and reads JSON back. A provider only says where to send a request
 * ({@link #path}), how to build the payload ({@link #payload}), which headers to add ({@link #headers}) and how to read
 * the reply ({@link #parse}); this class owns the OkHttp client, status mapping, timeouts, cancellation and the
 * classification of malformed replies. It never retries: the harness does.
 */
public abstract class JsonHttpAdapter implements ModelAdapter {
    /** Shared, thread-safe JSON mapper for payloads and replies. */
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int ERROR_SNIPPET = 200;

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final String apiKeyEnv;

    protected JsonHttpAdapter(HttpUrl baseUrl, AdapterConfig config) {
        this.baseUrl = baseUrl;
        this.apiKeyEnv = config.apiKeyEnv();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, config.concurrency()));
        dispatcher.setMaxRequestsPerHost(Math.max(64, config.concurrency()));
        Duration timeout = config.timeout();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, config.concurrency()), 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout);
        if (!baseUrl.isHttps()) {
            // a plain-HTTP endpoint (a local server): no TLS set-up, whose trust-store parsing is a large share of
            // start-up; a redirect to https is then returned as is instead of followed
            builder.connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
        }
        this.client = builder.build();
    }

    /** The path below the base URL for this request, e.g. {@code chat/completions}. */
    protected abstract String path(CompletionRequest request);

    /** The JSON body for this request. */
    protected abstract ObjectNode payload(CompletionRequest request);

    /** Extra headers (authentication, versions). Values never reach logs or files. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /**
     * Reads the completion out of a 2xx JSON reply; throws {@link MalformedReplyException} when a field is missing or
     * of the wrong type.
     */
    protected abstract Completion parse(JsonNode reply) throws MalformedReplyException;

    /** The base URL as configured (for messages and the run spec; it never contains a key). */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        HttpUrl url = resolve(path(request));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload(request));
        } catch (IOException e) {
            throw new AdapterException(FailureKind.BAD_REQUEST, "cannot encode request: " + e.getMessage());
        }
        Request.Builder http = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE));
        headers().forEach(http::header);
        try (Response response = client.newCall(http.build()).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                FailureKind kind = HttpStatusMapper.kindOf(response.code());
                String hint = HttpStatusMapper.hint(kind, apiKeyEnv);
                throw new AdapterException(kind, "HTTP " + response.code() + " from " + url + ": "
                        + snippet(text) + (hint.isEmpty() ? "" : " (" + hint + ")"),
                        HttpStatusMapper.retryAfter(response::header), null);
            }
            JsonNode reply;
            try {
                reply = JSON.readTree(text);
            } catch (IOException e) {
                throw malformed(url, "reply is not JSON: " + snippet(text));
            }
            if (reply == null || !reply.isObject()) {
                throw malformed(url, "reply is not a JSON object: " + snippet(text));
            }
            try {
                return parse(reply);
            } catch (MalformedReplyException e) {
                throw malformed(url, e.getMessage());
            }
        } catch (AdapterException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new AdapterException(FailureKind.TIMEOUT, "no reply from " + url + " within the timeout", null, e);
        } catch (InterruptedIOException e) {
            FailureKind kind = "timeout".equals(e.getMessage()) ? FailureKind.TIMEOUT : FailureKind.CANCELLED;
            throw new AdapterException(kind, (kind == FailureKind.TIMEOUT ? "no reply from " : "cancelled: ") + url,
                    null, e);
        } catch (IOException e) {
            if ("Canceled".equals(e.getMessage())) {
                throw new AdapterException(FailureKind.CANCELLED, "cancelled: " + url, null, e);
            }
            throw new AdapterException(FailureKind.CONNECTION, "cannot reach " + url + ": " + describe(e), null, e);
        }
    }

    @Override
    public void cancelAll() {
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
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

    /** The start of a body on one line, for error messages. */
    static String snippet(String text) {
        String one = text.replaceAll("\\s+", " ").trim();
        if (one.isEmpty()) {
            return "(empty body)";
        }
        return one.length() <= ERROR_SNIPPET ? one : one.substring(0, ERROR_SNIPPET) + "...";
    }

    /** Thrown by {@link #parse} when the reply lacks a field the provider needs. */
    public static final class MalformedReplyException extends Exception {
        public MalformedReplyException(String message) {
            super(message);
        }
    }

    /** The text at {@code path} (JSON Pointer), or a {@link MalformedReplyException} naming the pointer. */
    protected static String requireText(JsonNode reply, String pointer) throws MalformedReplyException {
        JsonNode n = reply.at(pointer);
        if (n.isMissingNode() || n.isNull() || !n.isTextual()) {
            throw new MalformedReplyException("no text at " + pointer);
        }
        return n.asText();
    }

    /** The int at {@code pointer}, or {@link Completion#UNKNOWN}. */
    protected static int optionalInt(JsonNode reply, String pointer) {
        JsonNode n = reply.at(pointer);
        return n.canConvertToInt() ? n.asInt() : Completion.UNKNOWN;
    }
}
