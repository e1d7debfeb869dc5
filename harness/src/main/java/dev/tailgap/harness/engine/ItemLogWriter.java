package dev.tailgap.harness.engine;

import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Appends results to the item log with group commit: one writer thread takes every line queued so far, writes them in
 * one go, forces them to the device ({@link FileChannel#force}) and only then reports each result as durable. Under
 * load many lines share one force; when idle a line is forced at once. A result counts as done only once its line is
 * on disk, so after a crash (even power loss) every result reported done is in the log.
 *
 * <p>Every appended result is reported exactly once, to its callback, with {@code true} when durable. After a write
 * fails, later results are reported with {@code false} and {@link #close()} throws the failure.
 */
final class ItemLogWriter implements AutoCloseable {
    /** When lines reach the disk. */
    enum Sync {
        /** One force for every batch of lines queued while the previous force ran (the default). */
        GROUP,
        /** One force per line (to measure what group commit saves). */
        EACH_LINE,
        /** Never forced: lines reach the operating system, not the disk (to measure what durability costs). */
        NONE
    }

    private static final int MAX_BATCH = 4096;
    /** The least time between two forces. */
    static final long FORCE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Results queued at most; a full queue makes {@link #append} wait for the disk. */
    private static final int MAX_QUEUED = 8192;
    private static final Entry END = new Entry(null, null);

    private record Entry(byte[] line, Consumer<Boolean> done) {
    }

    private final FileChannel channel;
    private final Sync sync;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    private final AtomicLong forces = new AtomicLong();
    private volatile IOException failure;
    /** When the last force ended (writer thread only). */
    private long lastForce = System.nanoTime() - FORCE_GAP_NANOS;

    ItemLogWriter(Path file, Sync sync) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        this.sync = sync;
        this.thread = new Thread(this::loop, "tailgap-item-log");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a result (waiting while {@value #MAX_QUEUED} are queued); {@code done} is called on the writer thread once
     * it is durable (true) or lost (false).
     */
    void append(ItemResult r, Consumer<Boolean> done) {
        put(new Entry((ItemLog.toJsonLine(r) + "\n").getBytes(StandardCharsets.UTF_8), done));
    }

    private void put(Entry e) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(e);
                break;
            } catch (InterruptedException ex) {
                interrupted = true; // a stop interrupts workers, but a finished result is still written
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a write has failed (the run should stop). */
    boolean failed() {
        return failure != null;
    }

    /** Forces so far (to measure group commit). */
    long forces() {
        return forces.get();
    }

    private void loop() {
        List<Entry> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer
            }
            if (sync != Sync.EACH_LINE) {
                queue.drainTo(batch, MAX_BATCH - 1);
            }
            if (sync == Sync.GROUP) {
                gather(batch);
            }
            end = batch.remove(END);
            boolean durable = failure == null && write(batch);
            for (Entry e : batch) {
                e.done().accept(durable);
            }
            batch.clear();
        }
    }

    /** Adds what is queued until {@link #FORCE_GAP_NANOS} after the last force, the end, or a full batch. */
    private void gather(List<Entry> batch) {
        long wait;
        while ((wait = lastForce + FORCE_GAP_NANOS - System.nanoTime()) > 0 && batch.size() < MAX_BATCH
                && batch.get(batch.size() - 1) != END) {
            Entry e;
            try {
                e = queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                continue; // only close() ends the writer
            }
            if (e != null) {
                batch.add(e);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
        }
    }

    private boolean write(List<Entry> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        int size = 0;
        for (Entry e : batch) {
            size += e.line().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        for (Entry e : batch) {
            buf.put(e.line());
        }
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (sync != Sync.NONE) {
                channel.force(false);
                lastForce = System.nanoTime();
                forces.incrementAndGet();
            }
            return true;
        } catch (IOException e) {
            failure = e;
            return false;
        }
    }

    /** Waits until every queued result is written and reported, then closes the file; throws a write failure. */
    @Override
    public void close() {
        put(END);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write the item log: " + failure.getMessage(), failure);
        }
    }
}
