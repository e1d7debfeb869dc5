package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One endpoint of a run's {@link Replicas}: its adapter, its label (the base URL without credentials), what its probe
 * said, the {@link ServedIdentity} learned from that probe and its own first live reply, the requests sent to it and
 * answered by it, and whether it is <em>down</em>: {@link EndpointGuard#DOWN_FAILURES} connection failures or timeouts
 * in a row, until a reply comes again. The requests in flight are counted by {@link Replicas}, under its lock.
 * Thread-safe.
 */
final class Replica {
    private static final long UP = Long.MIN_VALUE;

    private final String label;
    private final ModelAdapter adapter;
    private volatile EndpointInfo probe = EndpointInfo.NONE;
    private final AtomicReference<ServedIdentity> identity = new AtomicReference<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final AtomicInteger inARow = new AtomicInteger();
    private final AtomicLong downSince = new AtomicLong(UP);
    private volatile boolean agreed;
    /** Requests in flight; read and written under the lock of the {@link Replicas} holding it. */
    int inFlight;

    Replica(String label, ModelAdapter adapter) {
        this.label = label;
        this.adapter = adapter;
    }

    String label() {
        return label;
    }

    ModelAdapter adapter() {
        return adapter;
    }

    /** Asks the endpoint what it serves and keeps the answer. */
    EndpointInfo probe() {
        EndpointInfo p = adapter.probe();
        probe = p;
        return p;
    }

    /**
     * The identity of this replica, learned from its probe and {@code reply} (its first live reply; an endpoint whose
     * probe said nothing, for example because it was not up yet, is probed again first) unless known already.
     */
    ServedIdentity learn(Completion reply, String requestedModel) {
        ServedIdentity known = identity.get();
        if (known != null) {
            return known;
        }
        EndpointInfo p = probe.identity().isEmpty() ? probe() : probe;
        identity.compareAndSet(null, ServedIdentity.of(p, reply, requestedModel));
        return identity.get();
    }

    /** Whether its identity was found to be the reference's (then its replies need no further check). */
    boolean agreed() {
        return agreed;
    }

    void agree() {
        agreed = true;
    }

    /** Counts a request sent. */
    void sent() {
        requests.increment();
    }

    /** A reply came: the replica is up. True when it was down until now. */
    boolean answered() {
        answered.increment();
        inARow.set(0);
        return downSince.getAndSet(UP) != UP;
    }

    /** A request failed with {@code e} at {@code now} (nanoseconds). True when this failure makes it down. */
    boolean failed(AdapterException e, long now) {
        if (e.kind() != FailureKind.CONNECTION && e.kind() != FailureKind.TIMEOUT) {
            return false;
        }
        return inARow.incrementAndGet() >= EndpointGuard.DOWN_FAILURES && downSince.compareAndSet(UP, now);
    }

    /** Whether it is down. */
    boolean down() {
        return downSince.get() != UP;
    }

    /**
     * Whether a down replica may be asked again at {@code now}: {@code recheck} nanoseconds after it went down or was
     * last tried, with nothing in flight to it; trying it starts the next wait.
     */
    boolean recheckDue(long now, long recheck) {
        long since = downSince.get();
        return since != UP && inFlight == 0 && now - since >= recheck && downSince.compareAndSet(since, now);
    }

    /** What the run records of it: endpoint, requests sent, replies, and the served identity once known. */
    Map<String, Object> share() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", label);
        m.put("requests", requests.sum());
        m.put("answered", answered.sum());
        ServedIdentity id = identity.get();
        if (id != null) {
            m.put("served", id.record());
        }
        return m;
    }
}
