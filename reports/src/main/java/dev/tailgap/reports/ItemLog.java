package dev.tailgap.reports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's item results as JSON Lines (UTF-8, one {@link ItemResult} per line, each line ending in {@code \n}).
 *
 * <p>Each line is one compact JSON object whose keys follow the record's component order: {@code id}, {@code question},
 * {@code answers}, {@code concept}, {@code relation}, {@code frequency}, {@code bucket}, {@code rawAnswer},
 * {@code extracted}, {@code outcome}, {@code error}, {@code latencyMs}, {@code promptTokens},
 * {@code completionTokens}, then, only when they say something, {@code finishReason}, {@code reasoning},
 * {@code servedModel}, {@code fingerprint}, {@code firstTokenMs}, {@code cached}, {@code attempt} (above 1),
 * {@code reason}, {@code judge} (an object: {@code verdict}, {@code reply}, {@code judge}, {@code ruleOutcome}),
 * {@code shots} (an array of ids) and {@code samples} (an array of objects: {@code rawAnswer}, {@code extracted},
 * {@code outcome}, and {@code error} when there is one).
 * Null strings among the first fourteen are written as JSON {@code null}; {@code frequency} is written as an integer
 * when it is integral. On reading, unknown keys are ignored, the nullable strings ({@code question}, {@code concept},
 * {@code relation}, {@code rawAnswer}, {@code extracted}, {@code error}) and the later fields may be absent (logs of
 * tailgap 0.1 have none); every other key is required.
 *
 * <p>Read a log with {@link #read(Path)}, which streams: memory use does not grow with the number of lines.
 */
public final class ItemLog {
    /** Longest line the reader accepts; anything longer is treated as a corrupt file. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private ItemLog() {
    }

    /**
     * One result as a single JSON line, without the trailing newline (string values never contain a raw newline).
     *
     * @throws IllegalArgumentException if {@code frequency} is NaN or infinite
     */
    public static String toJsonLine(ItemResult r) {
        return ItemLines.toJsonLine(r);
    }

    /**
     * Parses one line written by {@link #toJsonLine}.
     *
     * @throws IllegalArgumentException with a one-line message naming the offending field, or saying the JSON is invalid
     */
    public static ItemResult parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new ItemLineParser().parse(bytes, 0, bytes.length);
    }

    /**
     * Opens a log for streaming. The caller closes the returned reader (try-with-resources).
     *
     * @throws IOException if the file cannot be opened
     */
    public static Reader read(Path file) throws IOException {
        return new Reader(Files.newInputStream(file), file.toString());
    }

    /**
     * Streams the results of one log, line by line, holding one line in memory at a time.
     *
     * <p>Use {@link #nextResult()} (checked {@link IOException}s) or iterate it once (for-each or {@link #stream()}),
     * where an {@link IOException} arrives wrapped in an {@link UncheckedIOException}. Blank lines are skipped. A line
     * that is not a valid result is an {@link IOException} whose message names {@code file:line} and the field, with
     * one exception: a last line that has no terminating newline and is not complete JSON is what a crash mid-write
     * leaves behind, so it is skipped and reported by {@link #truncatedTail()}. An unterminated last line that is
     * complete, valid JSON is a normal result.
     */
    public static final class Reader implements Iterable<ItemResult>, Closeable {
        private final InputStream in;
        private final String source;
        private final ItemLineParser parser = new ItemLineParser();
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        private byte[] line = new byte[4096];
        private int lineLength;
        /** The current line: in {@code buf} or {@code line}. */
        private byte[] lineBytes;
        private int lineFrom;
        private int lineTo;
        private long lineStart;
        private boolean terminated;
        private boolean eof;
        private long lineNumber;
        private long offset;
        private long validLength;
        private boolean needsNewline;
        private boolean truncatedTail;
        private boolean done;
        private boolean iterated;

        Reader(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        /**
         * The next result, or {@code null} at the end of the log.
         *
         * @throws IOException if reading fails or a line (other than a truncated tail) is not a valid result
         */
        public ItemResult nextResult() throws IOException {
            while (!done) {
                if (!readLine()) {
                    done = true;
                    break;
                }
                lineNumber++;
                byte[] b = lineBytes;
                int start = lineFrom;
                int end = lineTo;
                if (lineNumber == 1 && end - start >= 3 && (b[start] & 0xff) == 0xEF
                        && (b[start + 1] & 0xff) == 0xBB && (b[start + 2] & 0xff) == 0xBF) {
                    start += 3; // UTF-8 byte order mark
                }
                if (blank(b, start, end)) {
                    if (terminated) {
                        validLength = offset;
                        needsNewline = false;
                    }
                    continue;
                }
                try {
                    ItemResult r = parser.parse(b, start, end - start);
                    validLength = offset;
                    needsNewline = !terminated;
                    return r;
                } catch (ItemLineParser.InvalidJson e) {
                    if (!terminated) {
                        truncatedTail = true;
                        done = true;
                        break;
                    }
                    throw new IOException(source + ":" + lineNumber + ": " + e.getMessage(), e);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IOException(source + ":" + lineNumber + ": " + e.getMessage(), e);
                }
            }
            return null;
        }

        /**
         * True when the log ended in an incomplete line (no newline, not valid JSON) that was skipped. Known once
         * the end has been reached.
         */
        public boolean truncatedTail() {
            return truncatedTail;
        }

        /**
         * Bytes from the start of the file through the last line accepted so far (a result or a blank line),
         * including its newline. A writer resuming this log truncates the file to this length before appending,
         * writing a {@code \n} first when {@link #needsNewline()}.
         */
        public long validLength() {
            return validLength;
        }

        /** True when the last accepted line was a valid result without its terminating newline. */
        public boolean needsNewline() {
            return needsNewline;
        }

        /** Where the line of the last result begins: its byte offset in the file (for {@link ItemLogLookup#at}). */
        public long lineOffset() {
            return lineStart;
        }

        /** Number of lines read so far. */
        public long lineNumber() {
            return lineNumber;
        }

        /**
         * A single-use iterator over the remaining results.
         *
         * @throws IllegalStateException if called a second time
         */
        @Override
        public Iterator<ItemResult> iterator() {
            if (iterated) {
                throw new IllegalStateException("an ItemLog.Reader can be iterated only once");
            }
            iterated = true;
            return new Iterator<>() {
                private ItemResult next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            next = nextResult();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return next != null;
                }

                @Override
                public ItemResult next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ItemResult r = next;
                    next = null;
                    return r;
                }
            };
        }

        /** The remaining results as a sequential stream; closing the stream closes this reader. */
        public Stream<ItemResult> stream() {
            Spliterator<ItemResult> s = Spliterators.spliteratorUnknownSize(iterator(),
                    Spliterator.ORDERED | Spliterator.NONNULL);
            return StreamSupport.stream(s, false).onClose(() -> {
                try {
                    close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public void close() throws IOException {
            done = true;
            in.close();
        }

        private static boolean blank(byte[] b, int start, int end) {
            for (int i = start; i < end; i++) {
                if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads up to and including the next '\n' into {@code lineBytes[lineFrom, lineTo)} (without it and a '\r'
         * before it): in place in the read buffer when the line lies within it, else copied together. False at end of
         * input with nothing read.
         */
        private boolean readLine() throws IOException {
            lineLength = 0;
            lineStart = offset;
            terminated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        lineBytes = line;
                        lineFrom = 0;
                        lineTo = lineLength;
                        return any;
                    }
                }
                any = true;
                int i = pos;
                while (i < limit && buf[i] != '\n') {
                    i++;
                }
                offset += i - pos;
                if (i < limit && lineLength == 0) {
                    lineBytes = buf;
                    lineFrom = pos;
                    lineTo = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                } else {
                    append(pos, i - pos);
                    lineBytes = line;
                    lineFrom = 0;
                    lineTo = lineLength > 0 && line[lineLength - 1] == '\r' && i < limit ? lineLength - 1 : lineLength;
                }
                if (i < limit) {
                    pos = i + 1;
                    offset++;
                    terminated = true;
                    return true;
                }
                pos = limit;
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buf);
            while (n == 0) {
                n = in.read(buf);
            }
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        private void append(int from, int count) throws IOException {
            int need = lineLength + count;
            if (need > MAX_LINE_BYTES) {
                throw new IOException(source + ":" + (lineNumber + 1) + ": line longer than "
                        + (MAX_LINE_BYTES >> 20) + " MiB; not an item log?");
            }
            if (need > line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(need, line.length * 2)));
            }
            System.arraycopy(buf, from, line, lineLength, count);
            lineLength = need;
        }
    }
}
