package dev.tailgap.adapters.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 connection of a {@link PlainHttpTransport}: a socket, its read buffer, and the state of the call using
 * it (its deadline, and whether it ran out of time or was cancelled, either of which closes the socket). Used by one
 * call at a time; {@link #expireIfLate} and {@link #cancel} may come from any thread.
 */
final class PlainConnection {
    private static final int BUFFER = 16 * 1024;
    /** Longest reply head (status line and headers) accepted. */
    private static final int MAX_HEAD = 256 * 1024;
    private static final int LIVE = 0;
    private static final int EXPIRED = 1;
    private static final int CANCELLED = 2;

    private final String key;
    private volatile Socket socket = new Socket();
    private InputStream in;
    private OutputStream out;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile int state = LIVE;
    private long idleSince;
    private boolean heardBack;

    PlainConnection(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /**
     * Connects to {@code host}'s addresses in the order the resolver gives them until one answers, each attempt
     * bounded by {@code timeoutMillis}; the failure names the host and the address of the last attempt.
     */
    void connect(String host, int port, int timeoutMillis) throws IOException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        IOException last = null;
        for (InetAddress address : addresses) {
            InetSocketAddress to = new InetSocketAddress(address, port);
            try {
                if (last != null) {
                    socket = new Socket();
                    if (state != LIVE) {
                        throw new java.net.SocketException("Socket closed");
                    }
                }
                socket.setTcpNoDelay(true);
                socket.connect(to, timeoutMillis);
                in = socket.getInputStream();
                out = socket.getOutputStream();
                return;
            } catch (SocketTimeoutException e) {
                last = e;
            } catch (java.net.ConnectException e) {
                last = new java.net.ConnectException("failed to connect to " + host + "/"
                        + address.getHostAddress() + ":" + port + " (" + e.getMessage() + ")");
                last.initCause(e);
            }
            closeQuietly();
            if (state != LIVE) {
                break;
            }
        }
        throw last;
    }

    void arm(long deadlineNanos) {
        heardBack = false;
        state = LIVE;
        deadline = deadlineNanos;
    }

    /** Ends the current call; whether it ended live (neither expired nor cancelled), so the connection can be reused. */
    boolean disarm() {
        deadline = Long.MAX_VALUE;
        idleSince = System.nanoTime();
        return state == LIVE;
    }

    /** Whether the current call neither ran out of time nor was cancelled. */
    boolean live() {
        return state == LIVE;
    }

    /** Brings the current call's deadline forward to {@code deadlineNanos} if that is sooner. */
    void shortenDeadline(long deadlineNanos) {
        if (deadlineNanos - deadline < 0) {
            deadline = deadlineNanos;
        }
    }

    void expireIfLate(long now) {
        if (now - deadline >= 0 && state == LIVE) {
            state = EXPIRED;
            closeQuietly();
        }
    }

    void cancel() {
        if (state == LIVE) {
            state = CANCELLED;
            closeQuietly();
        }
    }

    /** {@code e} as the transport contract names it when the call ran out of time or was cancelled. */
    IOException failure(IOException e) {
        int s = state;
        if (s == EXPIRED || e instanceof SocketTimeoutException) {
            SocketTimeoutException t = new SocketTimeoutException("timeout");
            t.initCause(e);
            return t;
        }
        if (s == CANCELLED) {
            InterruptedIOException c = new InterruptedIOException("cancelled");
            c.initCause(e);
            return c;
        }
        return e;
    }

    /** Whether this idle connection can carry another call: not too old, and not closed by the server meanwhile. */
    boolean reusable(long now, long checkAfterNanos, long maxIdleNanos) {
        long idleFor = now - idleSince;
        if (socket.isClosed() || pos < lim || idleFor > maxIdleNanos) {
            return false;
        }
        if (idleFor < checkAfterNanos) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            try {
                in.read(buf, 0, buf.length);
                return false; // data nobody asked for, or the end of the stream: the server is done with it
            } catch (SocketTimeoutException quiet) {
                return true;
            } finally {
                socket.setSoTimeout(0);
            }
        } catch (IOException e) {
            return false;
        }
    }

    void write(byte[] request) throws IOException {
        out.write(request);
    }

    /** The reply's head; interim (1xx) replies are skipped. */
    Head readHead() throws IOException {
        while (true) {
            Head head = readOneHead();
            if (head.code() >= 200 || head.code() == 101) {
                return head;
            }
        }
    }

    private Head readOneHead() throws IOException {
        int end;
        int scanned = pos;
        while ((end = headEnd(scanned)) < 0) {
            scanned = Math.max(pos, lim - 3);
            if (lim == buf.length) {
                if (pos > 0) {
                    compact();
                    scanned = Math.max(pos, lim - 3);
                } else if (buf.length >= MAX_HEAD) {
                    throw new ProtocolException("reply head longer than " + MAX_HEAD + " bytes");
                } else {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
            }
            if (fill() < 0) {
                throw new EOFException(heardBack ? "the connection closed inside the reply head"
                        : "the connection closed before a reply");
            }
        }
        String text = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = end;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return Head.parse(lines);
    }

    /** The offset just past the blank line ending a head that starts at {@code pos}, or -1. */
    private int headEnd(int from) {
        for (int i = Math.max(from, pos); i < lim; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < lim && buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < lim && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    private void compact() {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
    }

    /** Reads more bytes into the buffer; the count, or -1 at the end of the stream. */
    private int fill() throws IOException {
        if (lim == buf.length) {
            compact();
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n > 0) {
            lim += n;
            heardBack = true;
        }
        return n;
    }

    /** Up to {@code len} bytes of the reply into {@code b}; -1 at the end of the stream. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pos == lim) {
            if (len >= buf.length) {
                return in.read(b, off, len);
            }
            pos = 0;
            lim = 0;
            if (fill() < 0) {
                return -1;
            }
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** One line of a chunked body's framing, without its line ending; at most 8 KiB. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            if (pos == lim && fill() < 0) {
                throw new EOFException("the connection closed inside a chunked body");
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            if (line.length() >= 8192) {
                throw new ProtocolException("a chunk line longer than 8 KiB");
            }
            line.append((char) (c & 0xff));
        }
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }

    /** A reply's status line and headers. */
    record Head(int code, boolean http11, List<String> names, List<String> values) {
        static Head parse(List<String> lines) throws ProtocolException {
            if (lines.isEmpty()) {
                throw new ProtocolException("an empty reply head");
            }
            String status = lines.get(0);
            if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
                throw new ProtocolException("not an HTTP/1.x status line: " + status);
            }
            int code;
            try {
                code = Integer.parseInt(status.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new ProtocolException("no status code in: " + status);
            }
            List<String> names = new ArrayList<>(lines.size());
            List<String> values = new ArrayList<>(lines.size());
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("a malformed reply header: " + l);
                }
                names.add(l.substring(0, colon).trim());
                values.add(l.substring(colon + 1).trim());
            }
            return new Head(code, status.charAt(7) == '1', names, values);
        }

        /** The first value of {@code name}, case-insensitive, or {@code null}. */
        String header(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return values.get(i);
                }
            }
            return null;
        }
    }
}
