package dev.tailgap.reports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the result on one line of an {@link ItemLog}, found by the byte offset where the line begins
 * ({@link ItemLog.Reader#lineOffset}), without reading the lines before it. Not thread-safe; the caller closes it.
 */
public final class ItemLogLookup implements Closeable {
    private final FileChannel channel;
    private final String source;
    private final ItemLineParser parser = new ItemLineParser();
    private ByteBuffer line = ByteBuffer.allocate(4096);

    private ItemLogLookup(FileChannel channel, String source) {
        this.channel = channel;
        this.source = source;
    }

    /**
     * Opens a log.
     *
     * @throws IOException if the file cannot be opened
     */
    public static ItemLogLookup open(Path file) throws IOException {
        return new ItemLogLookup(FileChannel.open(file, StandardOpenOption.READ), file.toString());
    }

    /**
     * The result on the line that begins at byte {@code offset}.
     *
     * @throws IOException if reading fails, or there is no complete valid result there (the message names the file
     *                     and the offset)
     */
    public ItemResult at(long offset) throws IOException {
        line.clear();
        long at = offset;
        int newline = -1;
        while (newline < 0) {
            if (!line.hasRemaining()) {
                if (line.capacity() >= ItemLog.MAX_LINE_BYTES) {
                    throw new IOException(where(offset) + "line longer than " + (ItemLog.MAX_LINE_BYTES >> 20)
                            + " MiB");
                }
                line = ByteBuffer.allocate(Math.min(ItemLog.MAX_LINE_BYTES, line.capacity() * 2)).put(line.flip());
            }
            int from = line.position();
            int n = channel.read(line, at);
            if (n < 0) {
                if (line.position() == 0) {
                    throw new IOException(where(offset) + "no line there (the file ends at byte " + at + ")");
                }
                newline = line.position(); // a last line without its newline
                break;
            }
            at += n;
            for (int i = from; i < line.position() && newline < 0; i++) {
                if (line.get(i) == '\n') {
                    newline = i;
                }
            }
        }
        int end = newline > 0 && line.get(newline - 1) == '\r' ? newline - 1 : newline;
        try {
            return parser.parse(line.array(), 0, end);
        } catch (IllegalArgumentException e) {
            throw new IOException(where(offset) + e.getMessage(), e);
        }
    }

    private String where(long offset) {
        return source + ": the line at byte " + offset + ": ";
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
