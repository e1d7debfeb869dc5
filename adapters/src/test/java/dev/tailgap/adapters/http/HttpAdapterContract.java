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

    /** The recorded-shaped reply the server answers with. */
    protected String answerBody() {
        return fixture(fixture);
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
        server.enqueue(json(200, answerBody()));
    }

    @Override
    protected void checkAnswer(Completion c) {
        assertThat(c).isEqualTo(expected);
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
        f.add(new Failure("body cut short", () -> server.enqueue(json(200, answerBody())
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)), FailureKind.CONNECTION));
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
