package dev.tailgap.adapters.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import okhttp3.HttpUrl;

/**
 * The {@link HttpTransport} for a plain-HTTP endpoint reached directly: HTTP/1.1 over a pool of kept-alive sockets,
 * the newest idle one reused first. Per request it writes the head and body in one write and reads the reply from
 * one buffer, with no interceptor chain, no per-read timer and no pool clean-up task, which is most of what a general
 * client spends per request beyond the socket calls (figures in BENCHMARKS.md).
 *
 * <p>It speaks what model servers send: {@code Content-Length} and chunked bodies, bodies that end with the connection,
 * {@code Connection: close}, interim 1xx replies. A socket read blocks without a timeout; one daemon thread shared by
 * all transports closes the socket of a call whose time ran out, or of every call on {@link #cancelAll()}, which ends
 * the read. A kept-alive connection the server closed while it was idle is found before reuse (checked when idle
 * over a second); a request is never sent twice (the harness decides about retries).
 */
final class PlainHttpTransport implements HttpTransport {
    /** An idle connection older than this is checked before reuse: servers close idle connections after a few seconds. */
    private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(1).toNanos();
    /** An idle connection older than this is closed instead of reused. */
    private static final long MAX_IDLE_NANOS = Duration.ofMinutes(5).toNanos();

    private final int connectTimeoutMillis;
    private final Map<String, ConcurrentLinkedDeque<PlainConnection>> idle = new ConcurrentHashMap<>();
    private final Set<PlainConnection> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    PlainHttpTransport(Duration connectTimeout) {
        this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    @Override
    public Exchange post(HttpUrl url, Map<String, String> headers, byte[] json, long timeoutNanos) throws IOException {
        return send("POST", url, headers, json, timeoutNanos);
    }

    @Override
    public Exchange get(HttpUrl url, Map<String, String> headers, long timeoutNanos) throws IOException {
        return send("GET", url, headers, null, timeoutNanos);
    }

    private Exchange send(String method, HttpUrl url, Map<String, String> headers, byte[] body, long timeoutNanos)
            throws IOException {
        byte[] request = request(method, url, headers, body);
        PlainConnection c = acquire(url, System.nanoTime() + Math.max(1, timeoutNanos));
        try {
            c.write(request);
            return new PlainExchange(this, c, c.readHead());
        } catch (IOException e) {
            IOException failure = c.failure(e);
            discard(c);
            throw failure;
        }
    }

    private PlainConnection acquire(HttpUrl url, long deadline) throws IOException {
        if (closed) {
            throw new InterruptedIOException("cancelled");
        }
        String key = url.host() + ":" + url.port();
        ConcurrentLinkedDeque<PlainConnection> pool = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        PlainConnection c;
        while ((c = pool.pollFirst()) != null) {
            if (c.reusable(System.nanoTime(), CHECK_AFTER_NANOS, MAX_IDLE_NANOS)) {
                arm(c, deadline);
                return c;
            }
            c.closeQuietly();
            open.decrementAndGet();
        }
        c = new PlainConnection(key);
        open.incrementAndGet();
        arm(c, deadline);
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        try {
            c.connect(url.host(), url.port(), (int) Math.min(connectTimeoutMillis, left));
        } catch (IOException e) {
            IOException failure = c.failure(e);
            discard(c);
            throw failure;
        }
        return c;
    }

    private void arm(PlainConnection c, long deadline) {
        c.arm(deadline);
        busy.add(c);
        Deadlines.watch(c);
        if (closed) { // closed while this call was being set up
            c.cancel();
        }
    }

    /** Back to the pool after a whole reply was read from {@code c}, or closed when it cannot be reused. */
    void release(PlainConnection c, boolean reusable) {
        busy.remove(c);
        Deadlines.forget(c);
        if (reusable && c.disarm() && !closed) {
            idle.get(c.key()).offerFirst(c);
            if (closed && idle.get(c.key()).remove(c)) { // raced with close()
                c.closeQuietly();
                open.decrementAndGet();
            }
        } else {
            c.closeQuietly();
            open.decrementAndGet();
        }
    }

    /** Closes {@code c}: its reply was not read to the end, or it failed. */
    void discard(PlainConnection c) {
        busy.remove(c);
        Deadlines.forget(c);
        c.disarm();
        c.closeQuietly();
        open.decrementAndGet();
    }

    @Override
    public void cancelAll() {
        busy.forEach(PlainConnection::cancel);
    }

    @Override
    public void close() {
        closed = true;
        cancelAll();
        for (ConcurrentLinkedDeque<PlainConnection> pool : idle.values()) {
            PlainConnection c;
            while ((c = pool.pollFirst()) != null) {
                c.closeQuietly();
                open.decrementAndGet();
            }
        }
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    /** The request's head and body as the bytes to write; an {@link IllegalArgumentException} for a header CR/LF. */
    static byte[] request(String method, HttpUrl url, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(url.encodedPath());
        if (url.encodedQuery() != null) {
            head.append('?').append(url.encodedQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ");
        head.append(url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host());
        if (url.port() != 80) {
            head.append(':').append(url.port());
        }
        head.append("\r\nUser-Agent: tailgap\r\nAccept: application/json, text/event-stream, application/x-ndjson\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            checkHeader(h.getKey(), h.getValue());
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return h;
        }
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static void checkHeader(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a header has an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch <= ' ' || ch >= 0x7f || ch == ':') {
                throw new IllegalArgumentException("header name '" + name + "' holds a character HTTP does not allow");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if ((ch < ' ' && ch != '\t') || ch == 0x7f || ch > 0xff) {
                throw new IllegalArgumentException("the value of header " + name
                        + " holds a character HTTP does not allow (a line break or a control character)");
            }
        }
    }

    /**
     * The one daemon thread that ends calls whose time ran out, for every plain transport: every 50 ms it closes the
     * socket of each armed connection past its deadline, which ends a blocked read.
     */
    private static final class Deadlines {
        private static final long TICK_NANOS = Duration.ofMillis(50).toNanos();
        private static final Set<PlainConnection> ARMED = ConcurrentHashMap.newKeySet();

        static {
            Thread t = new Thread(Deadlines::run, "tailgap-http-deadlines");
            t.setDaemon(true);
            t.start();
        }

        private Deadlines() {
        }

        static void watch(PlainConnection c) {
            ARMED.add(c);
        }

        static void forget(PlainConnection c) {
            ARMED.remove(c);
        }

        private static void run() {
            while (true) {
                LockSupport.parkNanos(TICK_NANOS);
                long now = System.nanoTime();
                for (PlainConnection c : ARMED) {
                    c.expireIfLate(now);
                }
            }
        }
    }
}
