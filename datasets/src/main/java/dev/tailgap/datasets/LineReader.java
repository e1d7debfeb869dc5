package dev.tailgap.datasets;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads strict UTF-8 text line by line (LF, CRLF or CR), dropping a leading byte order mark, counting lines. */
final class LineReader implements Closeable {

    private final BufferedReader reader;
    private int line;

    LineReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /** The next line without its terminator, or {@code null} at the end of input. */
    String next() throws IOException {
        String s = reader.readLine();
        if (s == null) {
            return null;
        }
        line++;
        if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s;
    }

    /** The 1-based number of the line last returned by {@link #next()} (0 before the first). */
    int line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
