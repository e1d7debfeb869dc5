package dev.tailgap.datasets.frequency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the documents of one {@link CorpusUnit} and counts them: decompresses, splits lines (or takes the whole file),
 * and hands each document to a {@link DocumentCounter}: plain text as its UTF-8 bytes, decoded strictly into a string
 * only where the counter refuses them (malformed UTF-8 among others); JSON lines by their text field.
 * Any problem is a {@link BadShardException} naming the file and the byte offset; the caller throws the unit's
 * partial counts away, so a unit counts all or nothing.
 */
public final class UnitReader {

    /** Receives progress: raw (possibly compressed) bytes of the unit consumed, text bytes and documents read. */
    public interface Progress {
        void advance(long rawBytes, long textBytes, long documents);

        /** No progress reporting. */
        Progress NONE = (raw, text, docs) -> { };
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final int BUFFER = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final CorpusFormat format;
    private final String textField;
    private final ShardOpener opener;

    /** A reader of {@code format} files ({@code textField} is used for {@link CorpusFormat#JSONL}). */
    public UnitReader(CorpusFormat format, String textField, ShardOpener opener) {
        this.format = format;
        this.textField = textField;
        this.opener = opener;
    }

    /** Counts the documents of {@code unit} into {@code into}. */
    public void read(CorpusUnit unit, DocumentCounter counter, CorpusCounts into, Progress progress)
            throws BadShardException {
        String path = unit.file().path();
        Compression compression = Compression.of(path);
        long openAt = unit.start() > 0 ? unit.start() - 1 : 0;
        long unitBytes = unit.end() - unit.start();
        Counting raw = null;
        long base = openAt;
        int len = 0;
        try {
            raw = new Counting(opener.open(path, openAt));
            try (InputStream in = compression.decode(raw)) {
                if (format == CorpusFormat.FILE) {
                    byte[] all = in.readAllBytes();
                    if (!counter.count(all, 0, all.length, into)) {
                        counter.count(decode(path, all, 0, all.length, 0), into);
                    }
                    into.addTextBytes(all.length);
                    progress.advance(unitBytes, all.length, 1);
                    return;
                }
                long end = compression == Compression.NONE ? unit.end() : Long.MAX_VALUE;
                byte[] buf = new byte[BUFFER];
                int lineStart = 0;
                int scan = 0;
                boolean skipFirst = unit.start() > 0;
                boolean eof = false;
                long reported = 0;
                long textBytes = 0;
                long docs = 0;
                while (true) {
                    int nl = indexOf(buf, scan, len);
                    if (nl < 0) {
                        if (eof) {
                            if (lineStart < len && !skipFirst && base + lineStart < end) {
                                docs += line(path, buf, lineStart, len, base + lineStart, counter, into);
                                textBytes += len - lineStart;
                            }
                            break;
                        }
                        if (lineStart > 0) {
                            System.arraycopy(buf, lineStart, buf, 0, len - lineStart);
                            base += lineStart;
                            len -= lineStart;
                            lineStart = 0;
                        } else if (len == buf.length) {
                            buf = Arrays.copyOf(buf, buf.length * 2);
                        }
                        scan = len;
                        int n = in.read(buf, len, buf.length - len);
                        if (n < 0) {
                            eof = true;
                        } else {
                            len += n;
                        }
                        long now = Math.min(raw.count, unitBytes);
                        progress.advance(now - reported, textBytes, docs);
                        into.addTextBytes(textBytes);
                        reported = now;
                        textBytes = 0;
                        docs = 0;
                        continue;
                    }
                    long at = base + lineStart;
                    if (skipFirst) {
                        skipFirst = false;
                    } else if (at >= end) {
                        break;
                    } else {
                        docs += line(path, buf, lineStart, nl, at, counter, into);
                        textBytes += nl + 1 - lineStart;
                    }
                    lineStart = nl + 1;
                    scan = lineStart;
                }
                into.addTextBytes(textBytes);
                progress.advance(unitBytes - reported, textBytes, docs);
            }
        } catch (IOException | RuntimeException e) {
            String what = compression == Compression.NONE ? "cannot read" : "truncated or corrupt "
                    + compression.name().toLowerCase(java.util.Locale.ROOT) + " data";
            long rawAt = raw == null ? 0 : openAt + raw.count;
            throw new BadShardException(path, base + len, what + " (raw byte " + rawAt + "): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    /** Counts line {@code b[from, to)} (a trailing CR dropped); returns 1 if it was a document. */
    private int line(String path, byte[] b, int from, int to, long at, DocumentCounter counter, CorpusCounts into)
            throws BadShardException {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return 0;
        }
        if (format == CorpusFormat.JSONL) {
            counter.count(jsonText(path, b, from, to, at), into);
        } else if (!counter.count(b, from, to, into)) {
            counter.count(decode(path, b, from, to, at), into);
        }
        return 1;
    }

    private String jsonText(String path, byte[] b, int from, int to, long at) throws BadShardException {
        try (JsonParser p = JSON.createParser(b, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadShardException(path, at, "line is not a JSON object");
            }
            String text = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (text == null && v == JsonToken.VALUE_STRING && name.equals(textField)) {
                    text = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadShardException(path, at, "broken JSON line: unexpected content after the object");
            }
            if (text == null) {
                throw new BadShardException(path, at, "JSON line has no string field \"" + textField + "\"");
            }
            return text;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            long off = loc == null || loc.getByteOffset() < 0 ? 0 : loc.getByteOffset();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new BadShardException(path, at + off, "broken JSON line: " + msg);
        } catch (IOException e) {
            throw new BadShardException(path, at, "broken JSON line: " + e.getMessage());
        }
    }

    /** UTF-8 text of {@code b[from, to)}, rejecting malformed input with the offset of the first bad byte. */
    static String decode(String path, byte[] b, int from, int to, long at) throws BadShardException {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0) {
            return s;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate(s.length() + 16);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw new BadShardException(path, at + in.position() - from, "invalid UTF-8 (" + r.length()
                    + " bad byte" + (r.length() == 1 ? "" : "s") + ")");
        }
        return s;
    }

    /** The first '\n' of {@code b[from, to)}, or -1; eight bytes at a time (a zero-byte test on their XOR). */
    static int indexOf(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long zero = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Counts the raw bytes read. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            int r = super.read(b, off, n);
            if (r > 0) {
                count += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
