package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.adapters.anthropic.AnthropicProvider;
import dev.tailgap.adapters.ollama.OllamaProvider;
import dev.tailgap.adapters.openai.OpenAiProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stream that stalls after its first event, from a loopback HTTP server that then only waits for the client to
 * close the connection: {@link ModelAdapter#cancelAll()} and the timeout both end the request and close the
 * connection (so a real server stops generating), and a stream that keeps sending keep-alive comments but never ends
 * is bounded by the timeout as a whole, not per read.
 */
class StalledStreamTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("openai", new OpenAiProvider(), "/v1", "text/event-stream",
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fr\"}}]}\n\n", ": ping\n\n"),
                Arguments.of("anthropic", new AnthropicProvider(), "/", "text/event-stream",
                        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"m\"}}\n\n",
                        "event: ping\ndata: {\"type\":\"ping\"}\n\n"),
                Arguments.of("ollama", new OllamaProvider(), "/", "application/x-ndjson",
                        "{\"model\":\"m\",\"message\":{\"content\":\"Fr\"},\"done\":false}\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void cancelAllEndsAStalledStreamAndClosesTheConnection(String name, ModelAdapterProvider provider, String base,
                                                           String type, String first, String keepAlive)
            throws Exception {
        try (StallingServer server = new StallingServer(type, first, null);
             ModelAdapter a = open(provider, server.url(base), Duration.ofSeconds(60))) {
            Future<Completion> inFlight = background.submit(() -> a.complete(request()));
            assertThat(server.firstEventSent.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isTrue();
            a.cancelAll();
            AdapterException e = failureOf(inFlight);
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.CANCELLED);
            assertThat(server.clientClosed.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                    .as("the server saw the connection closed").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void theTimeoutEndsAStalledStreamAndClosesTheConnection(String name, ModelAdapterProvider provider, String base,
                                                            String type, String first, String keepAlive)
            throws Exception {
        try (StallingServer server = new StallingServer(type, first, null);
             ModelAdapter a = open(provider, server.url(base), Duration.ofMillis(300))) {
            AdapterException e = failureOf(background.submit(() -> a.complete(request())));
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(server.clientClosed.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                    .as("the server saw the connection closed").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aStreamThatTricklesKeepAlivesForeverIsBoundedByTheTimeoutAsAWhole(String name, ModelAdapterProvider provider,
                                                                          String base, String type, String first,
                                                                          String keepAlive) throws Exception {
        try (StallingServer server = new StallingServer(type, first, keepAlive);
             ModelAdapter a = open(provider, server.url(base), Duration.ofMillis(600))) {
            AdapterException e = failureOf(background.submit(() -> a.complete(request())));
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(server.clientClosed.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                    .as("the server saw the connection closed").isTrue();
            assertThat(server.keepAlivesSent).as("keep-alives went out while the stream was open").isPositive();
        }
    }

    private static ModelAdapter open(ModelAdapterProvider provider, String baseUrl, Duration timeout)
            throws Exception {
        return provider.create(new AdapterConfig("m", baseUrl, "KEY", Map.of(), timeout, 1,
                k -> "sk-stall-test-key"));
    }

    private static CompletionRequest request() {
        return new CompletionRequest("m", "Q", null, new GenerationParams(0, 8, List.of(), null));
    }

    private static AdapterException failureOf(Future<Completion> inFlight) throws Exception {
        try {
            Completion c = inFlight.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
            return fail("a stalled stream answered: " + c);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AdapterException.class);
            return (AdapterException) e.getCause();
        }
    }

    /**
     * Serves one request: the response head and a first event, then either nothing (it waits) or a keep-alive every
     * 50 ms, until the client closes the connection.
     */
    private static final class StallingServer implements AutoCloseable {
        final CountDownLatch firstEventSent = new CountDownLatch(1);
        final CountDownLatch clientClosed = new CountDownLatch(1);
        volatile int keepAlivesSent;
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread;

        StallingServer(String type, String first, String keepAlive) throws IOException {
            thread = new Thread(() -> serve(type, first, keepAlive), "stalling-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        private void serve(String type, String first, String keepAlive) {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                skipRequest(in);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                chunk(out, first);
                firstEventSent.countDown();
                if (keepAlive == null) {
                    while (in.read() != -1) {
                        // the stream stalls: wait for the client to go
                    }
                } else {
                    while (true) { // a write to a closed connection fails: that ends the loop
                        Thread.sleep(50);
                        chunk(out, keepAlive);
                        keepAlivesSent++;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client reset the connection: closed too
            } finally {
                clientClosed.countDown();
            }
        }

        private static void chunk(OutputStream out, String data) throws IOException {
            byte[] b = data.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static void skipRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("request ended early");
                }
                head.write(b);
            }
            long length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            in.readNBytes((int) length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
