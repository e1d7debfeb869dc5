package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
        if (!Double.isFinite(r.frequency())) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + r.frequency()
                    + " (item " + r.id() + ")");
        }
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("question", r.question());
            g.writeArrayFieldStart("answers");
            for (String a : r.answers()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeStringField("concept", r.concept());
            g.writeStringField("relation", r.relation());
            g.writeFieldName("frequency");
            g.writeNumber(Numbers.jsonFrequency(r.frequency()));
            g.writeStringField("bucket", r.bucket());
            g.writeStringField("rawAnswer", r.rawAnswer());
            g.writeStringField("extracted", r.extracted());
            g.writeStringField("outcome", r.outcome().name());
            g.writeStringField("error", r.error());
            g.writeNumberField("latencyMs", r.latencyMs());
            g.writeNumberField("promptTokens", r.promptTokens());
            g.writeNumberField("completionTokens", r.completionTokens());
            optional(g, "finishReason", r.finishReason());
            optional(g, "reasoning", r.reasoning());
            optional(g, "servedModel", r.servedModel());
            optional(g, "fingerprint", r.fingerprint());
            if (r.firstTokenMs() >= 0) {
                g.writeNumberField("firstTokenMs", r.firstTokenMs());
            }
            if (r.cached()) {
                g.writeBooleanField("cached", true);
            }
            if (r.attempt() > 1) {
                g.writeNumberField("attempt", r.attempt());
            }
            if (r.reason() != null) {
                g.writeStringField("reason", r.reason());
            }
            JudgeVerdict j = r.judge();
            if (j != null) {
                g.writeObjectFieldStart("judge");
                g.writeStringField("verdict", j.verdict());
                g.writeStringField("reply", j.reply());
                g.writeStringField("judge", j.judge());
                g.writeStringField("ruleOutcome", j.ruleOutcome().name());
                g.writeEndObject();
            }
            RepeatsJson.write(g, r);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /**
     * Parses one line written by {@link #toJsonLine}.
     *
     * @throws IllegalArgumentException with a one-line message naming the offending field, or saying the JSON is invalid
     */
    public static ItemResult parseLine(String line) {
        return fromTree(JsonTrees.parse(line));
    }

    static ItemResult fromTree(JsonNode node) {
        JsonTrees.Obj o = JsonTrees.Obj.of(node, "");
        String id = o.string("id");
        String question = o.stringOrNull("question");
        java.util.List<String> answers = o.strings("answers");
        String concept = o.stringOrNull("concept");
        String relation = o.stringOrNull("relation");
        double frequency = o.number("frequency");
        if (!Double.isFinite(frequency)) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + o.get("frequency"));
        }
        String bucket = o.string("bucket");
        String rawAnswer = o.stringOrNull("rawAnswer");
        String extracted = o.stringOrNull("extracted");
        Outcome outcome = outcome(o, "outcome");
        String error = o.stringOrNull("error");
        long latencyMs = o.longValue("latencyMs");
        int promptTokens = o.intValue("promptTokens");
        int completionTokens = o.intValue("completionTokens");
        String reason = o.stringOrNull("reason");
        JudgeVerdict judge = null;
        if (!o.absentOrNull("judge")) {
            JsonTrees.Obj j = o.obj("judge");
            judge = new JudgeVerdict(j.stringOrNull("verdict"), j.stringOrNull("reply"), j.string("judge"),
                    outcome(j, "ruleOutcome"));
        }
        JsonNode firstToken = node.get("firstTokenMs");
        JsonNode attempt = node.get("attempt");
        return new ItemResult(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted,
                outcome, error, latencyMs, promptTokens, completionTokens, o.stringOrNull("finishReason"),
                o.stringOrNull("reasoning"), o.stringOrNull("servedModel"), o.stringOrNull("fingerprint"),
                firstToken != null && firstToken.canConvertToLong() ? firstToken.asLong() : -1,
                node.path("cached").asBoolean(false),
                attempt != null && attempt.canConvertToInt() && attempt.asInt() >= 1 ? attempt.asInt() : 1, reason,
                judge, RepeatsJson.shots(o), RepeatsJson.samples(o));
    }

    static Outcome outcome(JsonTrees.Obj o, String field) {
        String name = o.string(field);
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + o.field(field) + "': unknown value \"" + name
                    + "\", expected CORRECT, HALLUCINATED, ABSTAINED or ERROR");
        }
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
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        private byte[] line = new byte[4096];
        private int lineLength;
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
                int start = 0;
                int end = lineLength;
                if (lineNumber == 1 && end >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                        && (line[2] & 0xff) == 0xBF) {
                    start = 3; // UTF-8 byte order mark
                }
                if (blank(start, end)) {
                    if (terminated) {
                        validLength = offset;
                        needsNewline = false;
                    }
                    continue;
                }
                JsonNode tree;
                try {
                    tree = JsonTrees.parse(line, start, end - start);
                } catch (IllegalArgumentException e) {
                    if (!terminated) {
                        truncatedTail = true;
                        done = true;
                        break;
                    }
                    throw new IOException(source + ":" + lineNumber + ": " + e.getMessage(), e);
                }
                try {
                    ItemResult r = fromTree(tree);
                    validLength = offset;
                    needsNewline = !terminated;
                    return r;
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

        private boolean blank(int start, int end) {
            for (int i = start; i < end; i++) {
                byte b = line[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        /** Reads up to and including the next '\n'; false at end of input with nothing read. */
        private boolean readLine() throws IOException {
            lineLength = 0;
            terminated = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        return any;
                    }
                }
                any = true;
                int i = pos;
                while (i < limit && buf[i] != '\n') {
                    i++;
                }
                append(pos, i - pos);
                offset += i - pos;
                if (i < limit) {
                    pos = i + 1;
                    offset++;
                    terminated = true;
                    if (lineLength > 0 && line[lineLength - 1] == '\r') {
                        lineLength--;
                    }
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
