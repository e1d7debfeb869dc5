package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterContract;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AdapterContract} for adapters on {@link JsonHttpAdapter}, against a real loopback server
 * (MockWebServer) that replies with recorded-shaped fixtures ({@code src/test/resources/fixtures/}). Adds the HTTP
 * failures every such adapter maps through {@link dev.tailgap.adapters.HttpStatusMapper}: 429 with Retry-After, 5xx,
 * 529, 401/403 naming the key, 404, 400/422, HTML and other non-JSON pages, truncated JSON, dropped connections and
 * bodies cut short, plus each provider's own malformed replies (missing fields, empty choices).
 *
 * <p>A fixture named {@code *.sse} or {@code *.ndjson} is a streamed reply (served in small chunks as
 * {@code text/event-stream} or {@code application/x-ndjson}) and runs the whole contract on the streaming path: the
 * same reply streamed reads the same, with a time to first token; a stream without its last event, one cut in the
 * middle of an event and each provider's error events ({@link #streamErrors()}) fail typed, never as a short answer.
 */
public abstract class HttpAdapterContract extends AdapterContract {
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected MockWebServer server;
    private final String basePath;
    private final String fixture;
    private final Completion expected;
    private final String expectedPath;

    /**
     * A contract for an adapter configured with the server's URL plus {@code basePath}, answered with the fixture
     * {@code fixture} (under {@code fixtures/}), from which it must read {@code expected}, and which must send its
     * requests to {@code expectedPath}.
     */
    protected HttpAdapterContract(String basePath, String fixture, Completion expected, String expectedPath) {
        this.basePath = basePath;
        this.fixture = fixture;
        this.expected = expected;
        this.expectedPath = expectedPath;
    }

    /** A new adapter for the endpoint at {@code baseUrl}; the environment it reads is {@code env}. */
    protected abstract ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException;

    /** The base URL the adapter is configured with. */
    protected String baseUrl() {
        return server.url(basePath).toString();
    }

    /** The fixture the server answers with: the constructor's, or a streamed form of the same reply. */
    protected String fixtureName() {
        return fixture;
    }

    /** Whether the fixture is a streamed reply, so the adapter must be asked to stream. */
    protected final boolean streams() {
        return fixtureName().endsWith(".sse") || fixtureName().endsWith(".ndjson");
    }

    /** The provider options that switch streaming on (by default) or off, matching the fixture. */
    protected final Map<String, String> streamOption() {
        return streams() ? Map.of() : Map.of("stream", "false");
    }

    /** {@link #streamOption()} and one more option. */
    protected final Map<String, String> streamOption(String key, String value) {
        Map<String, String> all = new java.util.TreeMap<>(streamOption());
        all.put(key, value);
        return all;
    }

    /** The recorded-shaped reply the server answers with. */
    protected String answerBody() {
        return fixture(fixtureName());
    }

    /**
     * Streamed replies in this provider's format in which the server reports an error, each with the kind it must
     * fail as; none by default.
     */
    protected Map<String, FailureKind> streamErrors() {
        return Map.of();
    }

    /** Checks the provider-specific headers and body of {@link #request()}. */
    protected abstract void checkRequest(RecordedRequest r, JsonNode body) throws Exception;

    /** 200 replies in this provider's shape that lack what the adapter needs: each must be MALFORMED. */
    protected abstract List<String> malformedReplies();

    /** What the message of a 401 must contain to tell the user which key to fix. */
    protected String authHint() {
        return KEY_ENV;
    }

    /** This provider's error body for a status (the default is OpenAI's shape). */
    protected String errorBody(int status) {
        return "{\"error\":{\"message\":\"status " + status + "\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":null}}";
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Override
    protected ModelAdapter open(Duration timeout) throws Exception {
        return create(baseUrl(), timeout, Map.of(KEY_ENV, SECRET));
    }

    @Override
    protected void scriptAnswer() {
        server.enqueue(answer(answerBody()));
    }

    @Override
    protected void checkAnswer(Completion c) {
        if (streams()) {
            assertThat(c.firstTokenMs()).as("time to first token").isGreaterThanOrEqualTo(0);
            assertThat(c.withFirstToken(Completion.UNKNOWN)).isEqualTo(expected);
        } else {
            assertThat(c).isEqualTo(expected);
        }
    }

    /** A 200 reply with {@code body} in the fixture's format: streamed ones in chunks of a few bytes. */
    protected MockResponse answer(String body) {
        if (!streams()) {
            return json(200, body);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type",
                fixtureName().endsWith(".sse") ? "text/event-stream" : "application/x-ndjson")
                .setChunkedBody(body, 7);
    }

    @Override
    protected void checkRequestShape() throws Exception {
        RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(r).as("no request reached the server").isNotNull();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo(expectedPath);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        checkRequest(r, JSON.readTree(r.getBody().readUtf8()));
    }

    @Override
    protected List<Failure> failures() {
        List<Failure> f = new ArrayList<>();
        f.add(new Failure("429 with Retry-After", () -> server.enqueue(json(429, errorBody(429))
                .setHeader("Retry-After", "3")), FailureKind.RATE_LIMITED,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3))));
        f.add(status(500, FailureKind.SERVER_ERROR));
        f.add(new Failure("503 HTML page", () -> server.enqueue(new MockResponse().setResponseCode(503)
                .setHeader("Content-Type", "text/html").setBody("<html><body><h1>503 Service Unavailable</h1>"
                        + "</body></html>")), FailureKind.SERVER_ERROR));
        f.add(status(529, FailureKind.RATE_LIMITED));
        f.add(new Failure("401 echoing the key", () -> server.enqueue(json(401, "{\"error\":{\"message\":"
                + "\"Incorrect API key provided: " + SECRET + ".\",\"type\":\"invalid_request_error\",\"code\":"
                + "\"invalid_api_key\"}}")), FailureKind.AUTH,
                e -> assertThat(e.getMessage()).contains("HTTP 401").contains(authHint())));
        f.add(status(403, FailureKind.AUTH));
        f.add(new Failure("404", () -> server.enqueue(json(404, errorBody(404))), FailureKind.NOT_FOUND,
                e -> assertThat(e.getMessage()).contains("HTTP 404").contains(server.url("/").toString())));
        f.add(status(400, FailureKind.BAD_REQUEST));
        f.add(status(422, FailureKind.BAD_REQUEST));
        f.add(malformed("200 HTML error page", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                + "<body>nginx</body></html>", "not JSON"));
        f.add(malformed("200 plain text", "upstream connect error", "not JSON"));
        f.add(malformed("200 truncated JSON", answerBody().substring(0, answerBody().length() / 2),
                "not JSON"));
        f.add(malformed("200 JSON string", "\"France\"", "not a JSON object"));
        f.add(malformed("200 empty object", "{}", ""));
        int i = 0;
        for (String body : malformedReplies()) {
            f.add(malformed("provider-shaped malformed reply " + (++i), body, ""));
        }
        f.add(new Failure("connection dropped", () -> server.enqueue(new MockResponse()
                .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)), FailureKind.CONNECTION));
        f.add(new Failure("body cut short", () -> server.enqueue(answer(answerBody())
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)), FailureKind.CONNECTION));
        if (streams()) {
            f.addAll(streamFailures());
        }
        return f;
    }

    private List<Failure> streamFailures() {
        List<Failure> f = new ArrayList<>();
        String body = answerBody();
        String separator = fixtureName().endsWith(".sse") ? "\n\n" : "\n";
        String trimmed = body.stripTrailing();
        String withoutLast = trimmed.substring(0, trimmed.lastIndexOf(separator) + separator.length());
        f.add(new Failure("stream without its last event", () -> server.enqueue(answer(withoutLast)),
                FailureKind.MALFORMED, e -> assertThat(e.getMessage()).contains("stream ended after")
                .contains("incomplete")));
        String torn = trimmed.substring(0, trimmed.lastIndexOf(separator) - 5);
        f.add(new Failure("stream cut in the middle of an event", () -> server.enqueue(answer(torn)),
                FailureKind.MALFORMED, e -> assertThat(e.getMessage()).contains("malformed reply")));
        f.add(new Failure("stream with nothing in it", () -> server.enqueue(answer("")), FailureKind.MALFORMED,
                e -> assertThat(e.getMessage()).contains("stream ended after 0 events")));
        int i = 0;
        for (Map.Entry<String, FailureKind> error : streamErrors().entrySet()) {
            f.add(new Failure("error event " + (++i), () -> server.enqueue(answer(error.getKey())), error.getValue(),
                    e -> assertThat(e.getMessage()).contains("error in the stream")));
        }
        return f;
    }

    @Override
    protected Optional<Stall> stall() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        return Optional.of(() -> assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull());
    }

    @Override
    protected void checkReleased(ModelAdapter closed) {
        assertThat(((JsonHttpAdapter) closed).openConnections()).isZero();
    }

    @Test
    void unreachableEndpointIsAConnectionFailureNamingTheUrl() throws Exception {
        String url = baseUrl();
        server.shutdown();
        try (ModelAdapter a = create(url, LONG_TIMEOUT, Map.of(KEY_ENV, SECRET))) {
            AdapterException e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("cannot reach").contains("127.0.0.1:" + server.getPort());
            assertOneLineWithoutSecret(e);
        }
    }

    private Failure status(int code, FailureKind kind) {
        return new Failure("HTTP " + code, () -> server.enqueue(json(code, errorBody(code))), kind);
    }

    private Failure malformed(String name, String body, String says) {
        return new Failure(name, () -> server.enqueue(json(200, body)), FailureKind.MALFORMED,
                e -> assertThat(e.getMessage()).contains("malformed reply").contains(says));
    }

    protected static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    /** A fixture's text. */
    protected static String fixture(String name) {
        try (InputStream in = HttpAdapterContract.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
