package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The limit on requests in flight, adapted to the endpoint like TCP congestion control (AIMD): it starts at the
 * maximum, halves on a rate-limit episode (a 429 from a request sent after the last cut; 429s from requests already in
 * flight at the cut belong to the same episode and cut nothing), and grows by one after each window of as many
 * successes as the current limit, never above the maximum nor below one.
 *
 * <p>As an {@link Interceptor} it takes a slot before each attempt and returns it after, so an item waiting out a
 * retry back-off holds no slot. Thread-safe; a thread waiting for a slot that is interrupted fails with
 * {@link FailureKind#CANCELLED}. A freed slot wakes one waiting thread, not all of them (a lock and condition, which
 * virtual threads wait on without pinning their carrier).
 */
public final class AdaptiveConcurrency implements Interceptor {
    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    private int limit;
    private int inFlight;
    private long episode;
    private int successes;
    private long cuts;

    public AdaptiveConcurrency(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + max);
        }
        this.max = max;
        this.limit = max;
    }

    @Override
    public Completion intercept(CompletionRequest request, ModelCall next) throws AdapterException {
        long sentIn = acquire();
        boolean rateLimited = false;
        try {
            Completion c = next.call(request);
            succeeded();
            return c;
        } catch (AdapterException e) {
            rateLimited = e.kind() == FailureKind.RATE_LIMITED;
            throw e;
        } finally {
            release(rateLimited, sentIn);
        }
    }

    /** Waits for a slot; returns the episode the request is sent in. */
    long acquire() throws AdapterException {
        lock.lock();
        try {
            while (inFlight >= limit) {
                try {
                    slotFree.await();
                } catch (InterruptedException e) {
                    if (inFlight < limit) {
                        slotFree.signal(); // the wake-up this thread may have taken goes to another
                    }
                    Thread.currentThread().interrupt();
                    throw new AdapterException(FailureKind.CANCELLED, "interrupted while waiting to send a request");
                }
            }
            inFlight++;
            return episode;
        } finally {
            lock.unlock();
        }
    }

    void succeeded() {
        lock.lock();
        try {
            if (++successes >= limit) {
                successes = 0;
                if (limit < max) {
                    limit++;
                    slotFree.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns a slot; a 429 from a request sent in the current episode halves the limit and starts a new one. */
    void release(boolean rateLimited, long sentIn) {
        lock.lock();
        try {
            inFlight--;
            if (rateLimited && sentIn == episode) {
                limit = Math.max(1, limit / 2);
                episode++;
                successes = 0;
                cuts++;
            }
            if (inFlight < limit) {
                slotFree.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current limit on requests in flight. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** How many times the limit was cut. */
    public long cuts() {
        lock.lock();
        try {
            return cuts;
        } finally {
            lock.unlock();
        }
    }
}
