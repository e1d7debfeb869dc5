package dev.tailgap.harness.cli;

import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as plain lines on stderr, for logs (CI) rather than terminals: done/total, rate, ETA, errors and live
 * accuracy head vs tail, at most every two seconds and at the end. {@link TerminalProgress} draws a bar instead.
 */
final class ConsoleProgress implements Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private long total;
    private long base;
    private long done;
    private long start;
    private long lastPrint;
    private Aggregator live;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void started(long total, long alreadyDone) {
        this.total = total;
        this.base = alreadyDone;
        this.start = System.nanoTime();
        this.lastPrint = start;
        if (alreadyDone > 0) {
            err.println("resuming: " + alreadyDone + " items already finished, " + (total - alreadyDone) + " to ask");
        }
    }

    @Override
    public synchronized void itemDone(ItemResult result, Aggregator aggregator) {
        done++;
        live = aggregator;
        long now = System.nanoTime();
        if (now - lastPrint >= INTERVAL_NANOS) {
            lastPrint = now;
            print(now);
        }
    }

    private long lastRetryPrint;

    @Override
    public synchronized void retrying(String reason) {
        long now = System.nanoTime();
        if (now - lastRetryPrint >= INTERVAL_NANOS) {
            lastRetryPrint = now;
            err.println("retrying: " + reason);
            err.flush();
        }
    }

    @Override
    public synchronized void notice(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public synchronized void finished() {
        if (done > 0) {
            print(System.nanoTime());
        }
    }

    private void print(long now) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / secs;
        long remaining = Math.max(0, total - base - done);
        String eta = rate > 0 ? clock(remaining / rate) : "?";
        err.println(String.format(Locale.ROOT, "progress: %d/%d (%.0f%%)  %.1f items/s  ETA %s  %s",
                base + done, total, 100.0 * (base + done) / Math.max(1, total), rate, eta, live(live)));
        err.flush();
    }

    /**
     * Errors and accuracy head vs tail so far, with the head and tail of the report ({@link HeadTail}: the first and
     * last buckets with the minimum number of scored items): {@code errors 0  accuracy head 91% tail 12%}, or
     * {@code head - tail -} until two buckets have that many.
     */
    static String live(Aggregator a) {
        long errors = a == null ? 0 : a.count(Outcome.ERROR);
        HeadTail ht = a == null ? null : a.liveHeadTail();
        return "errors " + errors + "  accuracy head " + pct(a, ht, true) + " tail " + pct(a, ht, false);
    }

    private static String pct(Aggregator a, HeadTail ht, boolean head) {
        if (a == null || !ht.defined()) {
            return "-";
        }
        double v = a.accuracy(head ? ht.head() : ht.tail());
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
