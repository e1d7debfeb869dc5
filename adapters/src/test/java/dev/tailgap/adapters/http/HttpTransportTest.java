package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both transports over real loopback HTTP: what goes on the wire, the body framings servers use, connection reuse,
 * and the failure contract (timeout, cancelled, broken). Raw-socket servers send what MockWebServer cannot (HTTP/1.0
 * bodies ending with the connection, interim 1xx replies).
 */
class HttpTransportTest {
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(20);
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        server.shutdown();
    }

    static Stream<String> kinds() {
        return Stream.of("plain", "okhttp");
    }

    private HttpTransport transport(String kind, Duration timeout) {
        AdapterConfig config = new AdapterConfig("m", null, null, Map.of(), timeout, 4, null);
        return kind.equals("plain") ? new PlainHttpTransport(timeout)
                : new OkHttpTransport(HttpUrl.get("http://127.0.0.1/"), config);
    }

    private HttpUrl url(String path) {
        return server.url(path);
    }

    private static String body(HttpTransport.Exchange e) throws IOException {
        return new String(e.bytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void postsJsonWithHeadersAndReadsWholeAndChunkedBodies(String kind) throws Exception {
        server.enqueue(new MockResponse().setBody("{\"a\":1}").setHeader("Content-Type", "application/json"));
        server.enqueue(new MockResponse().setChunkedBody("{\"chunked\":\"" + "x".repeat(40_000) + "\"}", 777));
        server.enqueue(new MockResponse().setResponseCode(204));
        HttpTransport t = transport(kind, Duration.ofSeconds(20));
        try (HttpTransport.Exchange e = t.post(url("/v1/chat/completions?x=1%202"),
                Map.of("Authorization", "Bearer k"), "{\"q\":\"é\"}".getBytes(StandardCharsets.UTF_8), TIMEOUT)) {
            assertThat(e.code()).isEqualTo(200);
            assertThat(e.contentType().subtype()).isEqualTo("json");
            assertThat(body(e)).isEqualTo("{\"a\":1}");
        }
        try (HttpTransport.Exchange e = t.post(url("/v1/x"), Map.of(), "{}".getBytes(), TIMEOUT)) {
            assertThat(body(e)).hasSize(40_000 + 14);
        }
        try (HttpTransport.Exchange e = t.get(url("/v1/models"), Map.of(), TIMEOUT)) {
            assertThat(e.code()).isEqualTo(204);
            assertThat(e.bytes()).isEmpty();
        }
        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("POST");
        assertThat(first.getPath()).isEqualTo("/v1/chat/completions?x=1%202");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer k");
        assertThat(first.getHeader("Content-Type")).startsWith("application/json");
        assertThat(first.getBody().readUtf8()).isEqualTo("{\"q\":\"é\"}");
        assertThat(server.takeRequest().getSequenceNumber()).isEqualTo(1);
        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getBodySize()).isZero();
        assertThat(get.getSequenceNumber()).as("one connection carried all three").isEqualTo(2);
        t.close();
        assertThat(t.openConnections()).isZero();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStreamClosedAfterItsLastEventButBeforeItsEndKeepsItsConnection(String kind) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setChunkedBody("data: a\n\ndata: [DONE]\n\n", 5));
        server.enqueue(new MockResponse().setBody("next"));
        HttpTransport t = transport(kind, Duration.ofSeconds(20));
        try (HttpTransport.Exchange e = t.post(url("/"), Map.of(), new byte[0], TIMEOUT)) {
            assertThat(e.source().readUtf8Line()).isEqualTo("data: a"); // and no further: the rest is left unread
        }
        try (HttpTransport.Exchange e = t.post(url("/"), Map.of(), new byte[0], TIMEOUT)) {
            assertThat(body(e)).isEqualTo("next");
        }
        server.takeRequest();
        assertThat(server.takeRequest().getSequenceNumber()).as("the same connection").isEqualTo(1);
        t.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aServerThatClosesGetsANewConnectionNextTime(String kind) throws Exception {
        server.enqueue(new MockResponse().setBody("one").setHeader("Connection", "close"));
        server.enqueue(new MockResponse().setBody("two"));
        HttpTransport t = transport(kind, Duration.ofSeconds(20));
        for (String expected : List.of("one", "two")) {
            try (HttpTransport.Exchange e = t.post(url("/"), Map.of(), new byte[0], TIMEOUT)) {
                assertThat(body(e)).isEqualTo(expected);
            }
        }
        server.takeRequest();
        assertThat(server.takeRequest().getSequenceNumber()).as("a new connection").isZero();
        t.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aConnectionDroppedMidBodyIsABrokenConnectionNotATimeout(String kind) {
        server.enqueue(new MockResponse().setBody("{\"long\":\"" + "y".repeat(100_000) + "\"}")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        HttpTransport t = transport(kind, Duration.ofSeconds(20));
        assertThatThrownBy(() -> {
            try (HttpTransport.Exchange e = t.post(url("/"), Map.of(), new byte[0], TIMEOUT)) {
                try {
                    e.bytes();
                } catch (IOException io) {
                    throw e.failure(io);
                }
            }
        }).isInstanceOf(IOException.class).isNotInstanceOf(InterruptedIOException.class);
        t.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStalledReplyEndsAtTheCallsDeadline(String kind) {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        HttpTransport t = transport(kind, Duration.ofMillis(300));
        assertThatThrownBy(() -> t.post(url("/"), Map.of(), new byte[0], TimeUnit.MILLISECONDS.toNanos(300)))
                .isInstanceOf(SocketTimeoutException.class);
        t.close();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void cancelAllEndsAStreamBeingRead(String kind) throws Exception {
        // a body promised far longer than what comes: the reader waits for the rest
        HttpTransport t = transport(kind, Duration.ofSeconds(60));
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> serve = background.submit(() -> {
                try (Socket s = raw.accept()) {
                    readHead(s.getInputStream());
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                            + "Content-Length: 100000\r\n\r\ndata: first\n\n").getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read(); // until the client closes
                }
                return null;
            });
            HttpUrl u = HttpUrl.get("http://127.0.0.1:" + raw.getLocalPort() + "/");
            HttpTransport.Exchange e = t.post(u, Map.of(), new byte[0], TimeUnit.SECONDS.toNanos(60));
            assertThat(e.source().readUtf8Line()).isEqualTo("data: first");
            Future<?> cancel = background.submit(() -> {
                Thread.sleep(200);
                t.cancelAll();
                return null;
            });
            assertThatThrownBy(() -> {
                try {
                    e.source().readUtf8Line();
                    e.source().readUtf8Line();
                } catch (IOException io) {
                    throw e.failure(io);
                }
            }).isInstanceOf(InterruptedIOException.class).hasMessage("cancelled");
            cancel.get(20, TimeUnit.SECONDS);
            serve.get(20, TimeUnit.SECONDS); // the server saw the connection close
            e.close();
        }
        t.close();
    }

    @Test
    void http10BodiesEndingWithTheConnectionAndInterimRepliesAreRead() throws Exception {
        String[] replies = {
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
            "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"close\"}",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n",
        };
        PlainHttpTransport t = new PlainHttpTransport(Duration.ofSeconds(20));
        try (ServerSocket raw = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            background.submit(() -> {
                for (String reply : replies) {
                    try (Socket s = raw.accept()) {
                        readHead(s.getInputStream());
                        s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    }
                }
                return null;
            });
            HttpUrl u = HttpUrl.get("http://127.0.0.1:" + raw.getLocalPort() + "/");
            for (String expected : List.of("ok", "{\"until\":\"close\"}", "abc")) {
                try (HttpTransport.Exchange e = t.post(u, Map.of(), new byte[0], TIMEOUT)) {
                    assertThat(e.code()).isEqualTo(200);
                    assertThat(body(e)).isEqualTo(expected);
                }
            }
        }
        t.close();
    }

    @Test
    void garbageInsteadOfAStatusLineIsAProtocolFailure() throws Exception {
        PlainHttpTransport t = new PlainHttpTransport(Duration.ofSeconds(20));
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            background.submit(() -> {
                try (Socket s = raw.accept()) {
                    readHead(s.getInputStream());
                    s.getOutputStream().write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            });
            HttpUrl u = HttpUrl.get("http://127.0.0.1:" + raw.getLocalPort() + "/");
            assertThatThrownBy(() -> t.post(u, Map.of(), new byte[0], TIMEOUT))
                    .isInstanceOf(java.net.ProtocolException.class).hasMessageContaining("SSH-2.0");
        }
        t.close();
        assertThat(t.openConnections()).isZero();
    }

    @Test
    void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> PlainHttpTransport.request("POST", HttpUrl.get("http://127.0.0.1:1/"),
                Map.of("Authorization", "Bearer k\r\nX-Evil: 1"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Authorization")
                .hasMessageNotContaining("Bearer");
    }

    @Test
    void theRequestHeadNamesHostPortAndLength() {
        String head = new String(PlainHttpTransport.request("POST", HttpUrl.get("http://[::1]:8080/v1/x"),
                Map.of(), "{}".getBytes()), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("POST /v1/x HTTP/1.1\r\nHost: [::1]:8080\r\n")
                .contains("\r\nContent-Length: 2\r\n").endsWith("\r\n\r\n{}");
        assertThat(new String(PlainHttpTransport.request("GET", HttpUrl.get("http://example.test/"), Map.of(), null),
                StandardCharsets.ISO_8859_1)).contains("Host: example.test\r\n").doesNotContain("Content-Length");
    }

    @Test
    void plainHttpDirectlyGetsThePlainTransportHttpsGetsOkHttp() {
        AdapterConfig config = AdapterConfig.of("m", null, null);
        assertThat(HttpTransport.of(HttpUrl.get("http://127.0.0.1:8080/v1"), config))
                .isInstanceOf(PlainHttpTransport.class);
        assertThat(HttpTransport.of(HttpUrl.get("https://api.example.test/v1"), config))
                .isInstanceOf(OkHttpTransport.class);
    }

    @Test
    void aPlainHttpEndpointBehindAProxyGoesThroughOkHttp() {
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        java.net.ProxySelector.setDefault(java.net.ProxySelector.of(
                new java.net.InetSocketAddress("proxy.example.test", 3128)));
        try {
            assertThat(HttpTransport.of(HttpUrl.get("http://10.0.0.7:8000/v1"), AdapterConfig.of("m", null, null)))
                    .isInstanceOf(OkHttpTransport.class);
        } finally {
            java.net.ProxySelector.setDefault(before);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            seen.write(b);
            String s = seen.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                int at = s.toLowerCase().indexOf("content-length: ");
                if (at >= 0) {
                    int n = Integer.parseInt(s.substring(at + 16, s.indexOf('\r', at)));
                    in.readNBytes(n);
                }
                return;
            }
        }
    }
}
