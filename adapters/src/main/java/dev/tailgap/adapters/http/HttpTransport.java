package dev.tailgap.adapters.http;

import dev.tailgap.adapters.AdapterConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okio.BufferedSource;

/**
 * How a {@link JsonHttpAdapter} exchanges one request and reply with its endpoint. {@link #of} picks the transport for
 * a base URL: {@link PlainHttpTransport} for a plain-HTTP endpoint reached directly (a local or in-cluster server,
 * where the client's own cost per request matters), OkHttp for HTTPS and for anything behind a proxy. Every exchange
 * is bounded by a timeout that covers the whole call, the body included.
 *
 * <p>Failures are {@link IOException}s: a {@link java.net.SocketTimeoutException} when the call's time ran out, a
 * {@link java.io.InterruptedIOException} with message {@code "cancelled"} after {@link #cancelAll()} or
 * {@link #close()}, any other one for a connection that could not be made or broke. Thread-safe.
 */
interface HttpTransport {
    /** POSTs {@code json} to {@code url} with {@code headers}; the call ends within {@code timeoutNanos}. */
    Exchange post(HttpUrl url, Map<String, String> headers, byte[] json, long timeoutNanos) throws IOException;

    /** GETs {@code url} with {@code headers}; the call ends within {@code timeoutNanos}. */
    Exchange get(HttpUrl url, Map<String, String> headers, long timeoutNanos) throws IOException;

    /** Aborts every call in flight (a stream being read included: its connection is closed, the server stops). */
    void cancelAll();

    /** Cancels what is in flight and closes every connection; later calls fail as cancelled. */
    void close();

    /** Connections held open, idle or in use; none after {@link #close()}. */
    int openConnections();

    /** One reply: status and headers read, the body not yet. Closing it before the body is read drops the connection. */
    interface Exchange extends Closeable {
        int code();

        /** The first value of header {@code name} (case-insensitive), or {@code null}. */
        String header(String name);

        /** The parsed {@code Content-Type}, or {@code null} when absent or unparseable. */
        default MediaType contentType() {
            String t = header("Content-Type");
            return t == null ? null : MediaType.parse(t);
        }

        /** The whole body. */
        byte[] bytes() throws IOException;

        /** The body as a stream, for replies read event by event. */
        BufferedSource source();

        /**
         * {@code e}, raised while reading this reply's body, as the transport contract names it (timeout, cancelled,
         * broken).
         */
        default IOException failure(IOException e) {
            return e;
        }

        @Override
        void close();
    }

    /** The transport for {@code baseUrl}, sized for {@code config}'s concurrency and bounded by its timeouts. */
    static HttpTransport of(HttpUrl baseUrl, AdapterConfig config) {
        if (!baseUrl.isHttps() && direct(baseUrl)) {
            return new PlainHttpTransport(config.timeout());
        }
        return new OkHttpTransport(baseUrl, config);
    }

    private static boolean direct(HttpUrl url) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return true;
        }
        try {
            List<Proxy> proxies = selector.select(url.uri());
            return proxies.isEmpty() || proxies.stream().allMatch(p -> p.type() == Proxy.Type.DIRECT);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
