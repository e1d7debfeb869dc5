package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.harness.TailgapException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The endpoints of a run as one adapter: one {@link Replica} per base URL, all serving the same model. Each request
 * goes to the replica with the fewest requests in flight (ties broken in a rotating order, so equal replicas take
 * turns); a slow replica thus gets fewer requests. A retry of a request that failed at one replica goes to another
 * when there is one. A replica that is down ({@link Replica}) gets no requests while another is up, except one every
 * {@link #RECHECK} to find out whether it is back; the run says so once (and again when it answers). When every
 * replica is down the requests go to all of them and the {@link EndpointGuard} stops the run as for one endpoint.
 *
 * <p>Integrity: each replica's served identity is learned from its own probe and first live reply. Replicas whose
 * probes differ are refused before anything is asked (a usage error); a replica whose identity differs from that of
 * the first replica to answer makes the run stop: its reply is not returned (nor cached, nor recorded), the requests
 * in flight are cancelled, and {@link #refusal()} names both replicas and the differing facts. With one base URL this
 * is the adapter itself, with no extra checks. Thread-safe.
 */
final class Replicas implements ModelAdapter {
    /** How long a down replica gets no request, before one is sent to find out whether it is back. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    /** The first replica to answer and its identity: what every other replica must serve. */
    private record Reference(Replica replica, ServedIdentity identity) {
    }

    /** A request that failed at a replica, on this thread: its retry prefers another one. */
    private record Failed(CompletionRequest request, Replica replica) {
    }

    private final List<Replica> replicas;
    private final String model;
    private final Consumer<String> notice;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Reference> reference = new AtomicReference<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final ThreadLocal<Failed> lastFailed = new ThreadLocal<>();
    private volatile Runnable onRefusal = () -> { };
    private int rotor;

    /**
     * The replicas {@code replicas} (at least one) asked for {@code model}; {@code notice} hears, once each time, that
     * a replica went down or came back.
     */
    Replicas(List<Replica> replicas, String model, Consumer<String> notice, LongSupplier clock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no replica");
        }
        this.replicas = List.copyOf(replicas);
        this.model = model;
        this.notice = notice;
        this.clock = clock;
    }

    /** Called once when a replica's identity is refused (the run then ends its attempt). */
    void onRefusal(Runnable r) {
        onRefusal = r;
    }

    /** Why the run must stop because the replicas serve different models, or {@code null}. */
    String refusal() {
        return refusal.get();
    }

    /** How many replicas. */
    int size() {
        return replicas.size();
    }

    /** Each replica's endpoint, requests, replies and identity, in the order the base URLs were given. */
    List<Map<String, Object>> shares() {
        return replicas.stream().map(Replica::share).toList();
    }

    @Override
    public Completion complete(CompletionRequest request) throws AdapterException {
        if (replicas.size() == 1) {
            return replicas.get(0).adapter().complete(request);
        }
        String refused = refusal.get();
        if (refused != null) {
            throw new AdapterException(FailureKind.CANCELLED, refused);
        }
        Replica r = pick(request);
        Completion c;
        try {
            c = r.adapter().complete(request);
        } catch (AdapterException e) {
            release(r);
            lastFailed.set(new Failed(request, r));
            if (r.failed(e, clock.getAsLong())) {
                notice.accept("replica " + r.label() + " is not answering (" + e.getMessage() + "): its requests go "
                        + "to the other replicas");
            }
            throw e;
        }
        release(r);
        lastFailed.remove();
        if (r.answered()) {
            notice.accept("replica " + r.label() + " answers again");
        }
        check(r, c);
        return c;
    }

    /**
     * The replica for {@code request}: the fewest in flight from a rotating start, among the replicas that are up
     * other than the one it just failed at, else among those up, else among all; or a down one due for a recheck.
     */
    private Replica pick(CompletionRequest request) {
        Failed failed = lastFailed.get();
        Replica avoid = failed != null && failed.request() == request ? failed.replica() : null;
        long now = clock.getAsLong();
        lock.lock();
        try {
            int start = Math.floorMod(rotor++, replicas.size());
            Replica best = fewestInFlight(start, r -> !r.down() && r != avoid);
            if (best == null) {
                best = fewestInFlight(start, r -> !r.down());
            }
            if (best == null) {
                best = fewestInFlight(start, r -> true);
            } else {
                for (Replica r : replicas) {
                    if (r != avoid && r.recheckDue(now, RECHECK.toNanos())) {
                        best = r; // one request to find out whether it is back
                        break;
                    }
                }
            }
            best.inFlight++;
            best.sent();
            return best;
        } finally {
            lock.unlock();
        }
    }

    /** Of the replicas {@code eligible}, the one with the fewest in flight, first from {@code start}; or none. */
    private Replica fewestInFlight(int start, java.util.function.Predicate<Replica> eligible) {
        Replica best = null;
        for (int i = 0; i < replicas.size(); i++) {
            Replica r = replicas.get((start + i) % replicas.size());
            if (eligible.test(r) && (best == null || r.inFlight < best.inFlight)) {
                best = r;
            }
        }
        return best;
    }

    private void release(Replica r) {
        lock.lock();
        try {
            r.inFlight--;
        } finally {
            lock.unlock();
        }
    }

    /** Learns {@code r}'s identity from its first reply; refuses it when it differs from the reference's. */
    private void check(Replica r, Completion reply) throws AdapterException {
        if (r.agreed()) {
            return;
        }
        ServedIdentity own = r.learn(reply, model);
        Reference ref = reference.updateAndGet(x -> x != null ? x : new Reference(r, own));
        if (ref.replica() == r || ref.identity().facts().equals(own.facts())) {
            r.agree();
            return;
        }
        String why = "replica " + r.label() + " serves another model than replica " + ref.replica().label() + " ("
                + own.differencesFrom(ref.identity().facts(), "at " + ref.replica().label(), "at " + r.label())
                + "): every --base-url must serve the same model";
        if (refusal.compareAndSet(null, why)) {
            onRefusal.run();
        }
        throw new AdapterException(FailureKind.CANCELLED, why);
    }

    /**
     * Probes every replica; a usage error when two of them say different things about what they serve (a replica
     * whose probe says nothing, not being up yet say, is compared once it answers). The facts are those of the first
     * replica that offered any, the slots the sum of all replicas' (unknown when one's is).
     */
    @Override
    public EndpointInfo probe() {
        Replica first = null;
        EndpointInfo agreed = EndpointInfo.NONE;
        int slots = 0;
        for (Replica r : replicas) {
            EndpointInfo p = r.probe();
            slots = slots < 0 || p.slots() < 0 ? EndpointInfo.UNKNOWN : slots + p.slots();
            if (p.identity().isEmpty()) {
                continue;
            }
            if (first == null) {
                first = r;
                agreed = p;
            } else if (!p.identity().equals(agreed.identity())) {
                throw TailgapException.usage("replica " + r.label() + " serves another model than replica "
                        + first.label() + " (" + new ServedIdentity(p.identity(), true).differencesFrom(
                        agreed.identity(), "at " + first.label(), "at " + r.label()) + "): every --base-url must "
                        + "serve the same model");
            }
        }
        return new EndpointInfo(agreed.identity(), slots);
    }

    @Override
    public boolean cacheable() {
        return replicas.stream().allMatch(r -> r.adapter().cacheable());
    }

    @Override
    public int maxStopSequences() {
        return replicas.stream().mapToInt(r -> r.adapter().maxStopSequences()).min().orElseThrow();
    }

    @Override
    public boolean acceptsTurns() {
        return replicas.stream().allMatch(r -> r.adapter().acceptsTurns());
    }

    @Override
    public void cancelAll() {
        replicas.forEach(r -> r.adapter().cancelAll());
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Replica r : replicas) {
            try {
                r.adapter().close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
