package dev.tailgap.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a generated item log of N lines; run in a small-heap JVM to show that {@link ItemLog.Reader} streams. */
public final class ItemLogStreamingMain {
    private ItemLogStreamingMain() {
    }

    /** An input stream of {@code count} item-log lines, generated on the fly. */
    static final class Lines extends InputStream {
        private final int count;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        Lines(int count) {
            this.count = count;
        }

        private boolean advance() {
            if (next == count) {
                return false;
            }
            int i = next++;
            boolean error = i % 4 == 3;
            String line = "{\"id\":\"q" + i + "\",\"question\":\"Who founded concept " + i + "?\","
                    + "\"answers\":[\"Founder " + i + "\",\"F. " + i + "\"],\"concept\":\"Concept " + i + "\","
                    + "\"relation\":\"founder\",\"frequency\":" + (i * 7 % 100_000) + ",\"bucket\":\"tail\","
                    + (error ? "\"rawAnswer\":null,\"extracted\":null,\"outcome\":\"ERROR\",\"error\":\"timeout\","
                    : "\"rawAnswer\":\"I think it was Founder " + i + ".\",\"extracted\":\"Founder " + i
                    + "\",\"outcome\":\"CORRECT\",\"error\":null,")
                    + "\"latencyMs\":" + (i % 1000) + ",\"promptTokens\":40,\"completionTokens\":9}\n";
            current = line.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            if (pos == current.length && !advance()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        long results = 0;
        long errors = 0;
        try (ItemLog.Reader reader = new ItemLog.Reader(new Lines(n), "generated")) {
            for (ItemResult r : reader) {
                results++;
                if (r.outcome() == Outcome.ERROR) {
                    errors++;
                }
            }
        }
        System.out.println("read " + results + " results, " + errors + " errors");
    }
}
