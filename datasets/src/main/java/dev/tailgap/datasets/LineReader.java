package dev.tailgap.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads strict UTF-8 text line by line (LF or CRLF ends), dropping a leading byte order mark and counting lines. A
 * line that is not valid UTF-8 fails with a {@link java.nio.charset.CharacterCodingException} after {@link #line()}
 * has advanced to it.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int lineNo;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at the end of input. */
    String next() throws IOException {
        int len = 0;
        boolean sawAny = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
            }
            System.arraycopy(chunk, start, line, len, n);
            len += n;
            if (pos < limit) {
                pos++;
                break;
            }
        }
        lineNo++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        int from = 0;
        if (lineNo == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            from = 3;
        }
        return decoder.decode(ByteBuffer.wrap(line, from, len - from)).toString();
    }

    /** The 1-based number of the line last returned or failed by {@link #next()} (0 before the first). */
    int line() {
        return lineNo;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(chunk);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        eof = n < 0;
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
