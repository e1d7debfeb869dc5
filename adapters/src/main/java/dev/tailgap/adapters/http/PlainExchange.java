package dev.tailgap.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Locale;
import okio.BufferedSource;
import okio.Okio;

/**
 * One reply read by a {@link PlainHttpTransport}: its head, and its body framed by {@code Content-Length}, chunked
 * transfer coding, or the end of the connection. When the body has been read to its end the connection goes back to
 * the pool (unless the server said {@code Connection: close}). Closed earlier (a stream whose last event came before
 * the body's end), the rest of the body is read and thrown away for at most {@link #DRAIN_NANOS} and
 * {@link #DRAIN_BYTES}, so the connection can still be reused; else it is dropped.
 */
final class PlainExchange implements HttpTransport.Exchange {
    private enum Framing { EMPTY, FIXED, CHUNKED, UNTIL_CLOSE }

    /** Longest wait for the rest of a body closed before its end. */
    static final long DRAIN_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);
    /** Most bytes read and thrown away to reach the end of a body closed before it. */
    static final long DRAIN_BYTES = 64 * 1024;

    private final PlainHttpTransport transport;
    private final PlainConnection conn;
    private final PlainConnection.Head head;
    private final Framing framing;
    private final boolean keepAlive;
    private final Body body = new Body();
    private long remaining;
    private boolean done;

    PlainExchange(PlainHttpTransport transport, PlainConnection conn, PlainConnection.Head head)
            throws ProtocolException {
        this.transport = transport;
        this.conn = conn;
        this.head = head;
        String te = head.header("Transfer-Encoding");
        String length = head.header("Content-Length");
        int code = head.code();
        if (code == 204 || code == 304) {
            framing = Framing.EMPTY;
        } else if (te != null && te.toLowerCase(Locale.ROOT).endsWith("chunked")) {
            framing = Framing.CHUNKED;
        } else if (length != null) {
            framing = Framing.FIXED;
            try {
                remaining = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new ProtocolException("a malformed Content-Length: " + length);
            }
            if (remaining < 0) {
                throw new ProtocolException("a negative Content-Length: " + length);
            }
        } else {
            framing = Framing.UNTIL_CLOSE;
        }
        String connection = head.header("Connection");
        keepAlive = head.http11() && framing != Framing.UNTIL_CLOSE
                && (connection == null || !connection.toLowerCase(Locale.ROOT).contains("close"));
        if (framing == Framing.EMPTY || framing == Framing.FIXED && remaining == 0) {
            finish();
        }
    }

    @Override
    public int code() {
        return head.code();
    }

    @Override
    public String header(String name) {
        return head.header(name);
    }

    @Override
    public byte[] bytes() throws IOException {
        if (framing == Framing.FIXED && remaining <= Integer.MAX_VALUE - 16) {
            byte[] all = new byte[(int) remaining];
            int at = 0;
            while (at < all.length) {
                int n = body.read(all, at, all.length - at);
                if (n < 0) {
                    throw new EOFException("the connection closed inside the reply body");
                }
                at += n;
            }
            return all;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = body.read(chunk, 0, chunk.length)) >= 0) {
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }

    @Override
    public BufferedSource source() {
        return Okio.buffer(Okio.source(body));
    }

    @Override
    public IOException failure(IOException e) {
        return conn.failure(e);
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        if (keepAlive && conn.live()) {
            conn.shortenDeadline(System.nanoTime() + DRAIN_NANOS);
            byte[] skip = new byte[8192];
            long left = DRAIN_BYTES;
            try {
                int n;
                while (!done && left > 0 && (n = body.read(skip, 0, skip.length)) >= 0) {
                    left -= n;
                }
            } catch (IOException e) {
                // the body did not end in time: the connection is dropped below (read already did it)
            }
        }
        abandon();
    }

    /** Drops the connection unless the reply was read to its end. */
    private void abandon() {
        if (!done) {
            done = true;
            transport.discard(conn);
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            transport.release(conn, keepAlive);
        }
    }

    /** The body's bytes, framed; the end of the framing is the end of the stream. */
    private final class Body extends InputStream {
        private boolean firstChunk = true;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            try {
                switch (framing) {
                    case FIXED:
                        return fixed(b, off, len);
                    case CHUNKED:
                        return chunked(b, off, len);
                    default:
                        int n = conn.read(b, off, len);
                        if (n < 0) {
                            finish();
                        }
                        return n;
                }
            } catch (IOException e) {
                IOException failure = conn.failure(e);
                abandon();
                throw failure;
            }
        }

        private int fixed(byte[] b, int off, int len) throws IOException {
            int n = conn.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the connection closed with " + remaining + " bytes of the reply missing");
            }
            remaining -= n;
            if (remaining == 0) {
                finish();
            }
            return n;
        }

        private int chunked(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                if (!firstChunk) {
                    conn.readLine(); // the line ending after a chunk's data
                }
                firstChunk = false;
                String size = conn.readLine();
                int semicolon = size.indexOf(';');
                try {
                    remaining = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("a malformed chunk size: " + size);
                }
                if (remaining < 0) {
                    throw new ProtocolException("a malformed chunk size: " + size);
                }
                if (remaining == 0) {
                    while (!conn.readLine().isEmpty()) {
                        // trailers: not used
                    }
                    finish();
                    return -1;
                }
            }
            int n = conn.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the connection closed inside a chunk of the reply");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            PlainExchange.this.close();
        }
    }
}
