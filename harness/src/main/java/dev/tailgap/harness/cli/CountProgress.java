package dev.tailgap.harness.cli;

import dev.tailgap.datasets.frequency.CorpusCounter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of {@code tailgap frequency count} on stderr: bytes done of the total (raw, so compressed files count
 * their compressed size), MB/s of text, documents, units and ETA; redrawn in place on a terminal, a line every two
 * seconds otherwise. Thread-safe.
 */
final class CountProgress implements CorpusCounter.Listener {
    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicLong raw = new AtomicLong();
    private final AtomicLong text = new AtomicLong();
    private final AtomicLong docs = new AtomicLong();
    private final AtomicLong unitsDone = new AtomicLong();
    private volatile long total;
    private volatile long resumed;
    private volatile int units;
    private long start;
    private long lastPrint;

    CountProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(long totalBytes, long resumedBytes, int unitCount, int resumedUnits) {
        total = totalBytes;
        resumed = resumedBytes;
        units = unitCount;
        unitsDone.set(resumedUnits);
        start = System.nanoTime();
        lastPrint = start;
        if (resumedUnits > 0) {
            err.printf(Locale.ROOT, "resuming: %d of %d units already counted%n", resumedUnits, unitCount);
            err.flush();
        }
    }

    @Override
    public void advance(long rawBytes, long textBytes, long documents) {
        raw.addAndGet(rawBytes);
        text.addAndGet(textBytes);
        docs.addAndGet(documents);
        maybePrint();
    }

    @Override
    public void unitDone(dev.tailgap.datasets.frequency.CorpusUnit unit) {
        unitsDone.incrementAndGet();
        maybePrint();
    }

    private void maybePrint() {
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                print(now);
            }
        }
    }

    /** Prints the last state and ends the line. */
    synchronized void finish() {
        if (start == 0) {
            return;
        }
        print(System.nanoTime());
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    private void print(long now) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        long done = raw.get();
        long left = Math.max(0, total - resumed - done);
        double rate = done / secs;
        String eta = rate > 0 ? clock(left / rate) : "?";
        String line = String.format(Locale.ROOT, "counting: %,.1f/%,.1f MB (%.0f%%)  %.1f MB/s of text  %,d docs  "
                        + "units %d/%d  ETA %s", (resumed + done) / 1e6, total / 1e6,
                100.0 * (resumed + done) / Math.max(1, total), text.get() / 1e6 / secs, docs.get(), unitsDone.get(),
                units, eta);
        if (terminal) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
