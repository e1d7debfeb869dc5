package dev.tailgap.adapters.http;

import dev.tailgap.adapters.AdapterConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The {@link HttpTransport} over OkHttp: HTTPS (TLS, HTTP/2) and endpoints behind a proxy. One client per adapter,
 * its pool sized for the run's concurrency; the call timeout bounds each call, its body included.
 */
final class OkHttpTransport implements HttpTransport {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient client;
    /** Calls from {@code execute} until their body is read: the dispatcher forgets a call once its head arrived. */
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

    OkHttpTransport(HttpUrl baseUrl, AdapterConfig config) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, config.concurrency()));
        dispatcher.setMaxRequestsPerHost(Math.max(64, config.concurrency()));
        Duration timeout = config.timeout();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, config.concurrency()), 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .connectTimeout(timeout)
                // the call timeout bounds each call, its stream included, so a read or write timeout of the same
                // length could never fire first; without them a socket read is one blocking call, not a poll and
                // a timer scheduled per read
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(timeout);
        if (!baseUrl.isHttps()) {
            // plain HTTP through a proxy: no TLS set-up; a redirect to https is returned as is instead of followed
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
        }
        this.client = builder.build();
    }

    @Override
    public Exchange post(HttpUrl url, Map<String, String> headers, byte[] json, long timeoutNanos) throws IOException {
        Request.Builder http = new Request.Builder().url(url).post(RequestBody.create(json, JSON_TYPE));
        headers.forEach(http::header);
        return execute(client.newCall(http.build()));
    }

    @Override
    public Exchange get(HttpUrl url, Map<String, String> headers, long timeoutNanos) throws IOException {
        Request.Builder http = new Request.Builder().url(url).get();
        headers.forEach(http::header);
        OkHttpClient bounded = client.newBuilder().callTimeout(Duration.ofNanos(Math.max(1, timeoutNanos))).build();
        return execute(bounded.newCall(http.build()));
    }

    private Exchange execute(Call call) throws IOException {
        inFlight.add(call);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            inFlight.remove(call);
            throw translated(call, e);
        }
        return new Exchange() {
            @Override
            public int code() {
                return response.code();
            }

            @Override
            public String header(String name) {
                return response.header(name);
            }

            @Override
            public byte[] bytes() throws IOException {
                try {
                    return response.body() == null ? new byte[0] : response.body().bytes();
                } catch (IOException e) {
                    throw translated(call, e);
                }
            }

            @Override
            public BufferedSource source() {
                return response.body().source();
            }

            @Override
            public IOException failure(IOException e) {
                return translated(call, e);
            }

            @Override
            public void close() {
                inFlight.remove(call);
                response.close();
            }
        };
    }

    /** A cancelled call's failure as the transport contract names it; a call timeout already is one. */
    private static IOException translated(Call call, IOException e) {
        if (call.isCanceled() && !"timeout".equals(e.getMessage())) {
            InterruptedIOException c = new InterruptedIOException("cancelled");
            c.initCause(e);
            return c;
        }
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            java.net.SocketTimeoutException t = new java.net.SocketTimeoutException("timeout");
            t.initCause(e);
            return t;
        }
        return e;
    }

    @Override
    public void cancelAll() {
        client.dispatcher().cancelAll();
        inFlight.forEach(Call::cancel);
    }

    @Override
    public void close() {
        cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public int openConnections() {
        return client.connectionPool().connectionCount();
    }
}
