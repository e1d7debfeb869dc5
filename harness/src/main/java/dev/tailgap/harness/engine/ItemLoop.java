package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.ProgramName;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.scoring.ScorerSetup;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One attempt of a run, once its directory is locked and opened: asks the pending items, first one at a time until a
 * live reply has told the served identity (checked against the identity an unfinished run started with), then with
 * as many workers as the concurrency, each taking the next pending item itself (no hand-off between threads on the
 * way to a request). A worker that waits out a retry back-off lets another one start, up to twice the concurrency, so
 * a back-off does not leave the endpoint idle; the spare ends once the back-off is over. Writes the state and the
 * reports. See {@link RunEngine} for the contract.
 */
final class ItemLoop implements RetryInterceptor.Backoffs {
    /** Items asked one at a time, at most, while no live reply has told the served identity. */
    private static final int SERIAL_TRIES = 3;
    /** Share of truncated answers above which the run warns. */
    private static final double TRUNCATION_WARNING = 0.02;

    private final RunSpec spec;
    private final ModelRef ref;
    private final Dataset dataset;
    private final Bucketing bucketing;
    private final BitSet selected;
    private final RunDirectory dir;
    private final RunState state;
    private final Aggregator aggregator;
    private final DoneIds done;
    private final ServedTracker tracker;
    private final CacheInterceptor cached;
    private final Progress progress;
    private final ItemLogWriter.Sync sync;
    private final Map<String, String> earlierServed;
    private final long kept;
    private final List<String> warnings;
    private final ModelClient client;
    private final EndpointGuard guard;
    private final RepeatedAsker asker;
    private final ScorerSetup scoring;
    private final RetryInterceptor retry;
    private final Replicas replicas;
    private long startedNanos;
    private final Workers workers = new Workers("tailgap-worker");
    /** Guards the item source and the worker counts. */
    private final ReentrantLock work = new ReentrantLock();
    private Iterator<Item> source;
    private int index;
    /** Workers not waiting out a back-off, and all workers; both under {@link #work}, while {@link #parallel}. */
    private int working;
    private int threads;
    private ItemLogWriter log;
    private volatile boolean parallel;
    private volatile boolean stopping;
    private volatile Thread serialAsker;

    ItemLoop(RunSpec spec, ModelRef ref, Replicas adapter, ScorerSetup scoring, Dataset dataset,
             Bucketing bucketing,
             BitSet selected, RunDirectory dir, RunState state, Aggregator aggregator, DoneIds done,
             ServedTracker tracker, CacheInterceptor cached, Progress progress, ItemLogWriter.Sync sync,
             Map<String, String> earlierServed, long kept, List<String> warnings,
             dev.tailgap.harness.protocol.Prompter prompter) {
        this.spec = spec;
        this.ref = ref;
        this.dataset = dataset;
        this.bucketing = bucketing;
        this.selected = selected;
        this.dir = dir;
        this.state = state;
        this.aggregator = aggregator;
        this.done = done;
        this.tracker = tracker;
        this.cached = cached;
        this.progress = progress;
        this.sync = sync;
        this.earlierServed = earlierServed;
        this.kept = kept;
        this.warnings = warnings;
        // requests: K per item
        this.guard = new EndpointGuard(state.planned() * spec.generation().prompting().samples(),
                spec.execution().maxErrorRate(), spec.execution().concurrency(),
                "model '" + ref.model() + "' (" + ref.provider() + ") at "
                        + RunSettings.redact(spec.target().baseUrls()),
                this::abort, progress::retrying, System::nanoTime);
        List<Interceptor> chain = new ArrayList<>();
        if (cached != null) {
            chain.add(cached);
        }
        chain.add(tracker);
        this.retry = new RetryInterceptor(spec.execution().retries(), spec.execution().retryBackoff(), guard, this);
        chain.add(retry);
        if (spec.execution().rpm() != null || spec.execution().tpm() != null) {
            chain.add(new RateLimitInterceptor(spec.execution().rpm(), spec.execution().tpm()));
        }
        chain.add(new AdaptiveConcurrency(spec.execution().concurrency()));
        this.client = new ModelClient(adapter, chain);
        this.replicas = adapter;
        adapter.onRefusal(this::abort);
        this.scoring = scoring;
        this.asker = new RepeatedAsker(new ItemAsker(client, ref.model(), scoring.scorer(), state.attempt(), cached),
                prompter, spec.generation().prompting(), spec.generation().system(), spec.generation().params());
    }

    /** No new requests, those in flight cancelled. */
    void stop() {
        stopping = true;
        abort();
    }

    /** Ends the attempt early (a stop, or the guard found a reason): interrupts waits, cancels requests. */
    private void abort() {
        workers.interruptAll();
        client.cancelAll();
        scoring.cancelAll();
        Thread t = serialAsker;
        if (t != null) {
            t.interrupt(); // ends a back-off wait of the item asked alone
        }
    }

    RunResult run(boolean stoppedAlready) {
        stopping |= stoppedAlready;
        startedNanos = System.nanoTime();
        RunMetadataFile.startAttempt(dir, Instant.now());
        progress.started(state.planned(), kept);
        ItemLogWriter log = dir.itemLog(sync);
        this.log = log; // for the workers
        boolean verified = spec.execution().cacheReuse() == CacheReuse.ALWAYS;
        int serial = 0;
        try (java.util.stream.Stream<Item> items = dataset.items()) {
            source = items.iterator();
            while (!verified && !halted(log)) {
                Pending p = next();
                if (p == null) {
                    break;
                }
                serialAsker = Thread.currentThread();
                ItemResult r;
                try {
                    r = asker.ask(p.item(), p.bucket(), guard);
                } finally {
                    serialAsker = null;
                    Thread.interrupted();
                }
                verified = verify() || ++serial >= SERIAL_TRIES;
                record(log, r);
            }
            if (!halted(log)) {
                work.lock();
                try {
                    parallel = true;
                    for (int i = 0; i < spec.execution().concurrency(); i++) {
                        startWorker();
                    }
                } finally {
                    work.unlock();
                }
                workers.joinAll();
            }
        } finally {
            workers.interruptAll();
            try {
                log.close();
            } finally {
                client.close();
                progress.finished();
            }
        }
        return finish(log);
    }

    /** An item to ask and its bucket's name. */
    private record Pending(Item item, String bucket) {
    }

    private boolean halted(ItemLogWriter log) {
        return stopping || guard.stopped() || log.failed() || replicas.refusal() != null;
    }

    /** The next selected item not done yet, or {@code null}; callers hold {@link #work} or are alone. */
    private Pending next() {
        while (source.hasNext()) {
            Item item = source.next();
            int i = index++;
            if (selected.get(i) && !done.contains(item.id())) {
                return new Pending(item, bucketing.buckets().get(bucketing.assign(item.frequency())).name());
            }
        }
        return null;
    }

    /** Starts one more worker; the caller holds {@link #work}. */
    private void startWorker() {
        working++;
        threads++;
        workers.start(this::askUntilDone);
    }

    /** A worker: takes the next pending item and asks it, until none is left, the run halts or it is a spare. */
    private void askUntilDone() {
        try {
            while (!halted(log)) {
                Pending p;
                work.lock();
                try {
                    if (working > spec.execution().concurrency()) {
                        return; // a spare whose back-off-waiting peer is back
                    }
                    p = next();
                } finally {
                    work.unlock();
                }
                if (p == null) {
                    return;
                }
                record(log, asker.ask(p.item(), p.bucket(), guard));
            }
        } finally {
            work.lock();
            try {
                working--;
                threads--;
            } finally {
                work.unlock();
            }
        }
    }

    /** A worker waits out a back-off: another one starts while fewer than the concurrency are asking. */
    @Override
    public void backoffStarted() {
        if (!parallel) {
            return;
        }
        work.lock();
        try {
            working--;
            int c = spec.execution().concurrency();
            if (working < c && threads < 2 * c && source.hasNext() && !stopping) {
                startWorker();
            }
        } finally {
            work.unlock();
        }
    }

    @Override
    public void backoffEnded() {
        if (!parallel) {
            return;
        }
        work.lock();
        try {
            working++;
        } finally {
            work.unlock();
        }
    }

    /** Appends a result; it counts (aggregate, progress) once durable. */
    private void record(ItemLogWriter log, ItemResult r) {
        if (r == null) {
            return;
        }
        log.append(r, durable -> {
            if (durable) {
                aggregator.add(r);
                progress.itemDone(r, aggregator);
            }
        });
    }

    /**
     * Once a live reply has told the served identity: records it and checks it against the identity the kept items
     * were asked under (a usage error naming the difference). True when the identity is known now.
     */
    private boolean verify() {
        ServedIdentity now = tracker.identity();
        if (now == null) {
            return false;
        }
        if (kept > 0 && earlierServed != null && !earlierServed.equals(now.facts())) {
            abort();
            throw TailgapException.usage("run directory " + dir.path() + " holds " + kept + " answers of another"
                    + " served model (" + now.differencesFrom(earlierServed) + "); they cannot be mixed with this "
                    + "model's: pass another --out to start a new run, or delete the directory");
        }
        if (!now.known()) {
            warnings.add("the endpoint reports no served-model identity (no system_fingerprint, /v1/models or "
                    + "/props facts): tailgap cannot tell a model swapped behind the same URL from this one, so "
                    + "cached answers are not reused" + (kept > 0 ? " and the " + kept + " kept answers are assumed "
                    + "to be this model's" : ""));
        } else if (kept > 0 && earlierServed == null) {
            warnings.add("the " + kept + " kept answers were recorded without a served identity; they are assumed to "
                    + "come from the model served now");
        }
        dir.writeServed(now);
        return true;
    }

    private RunResult finish(ItemLogWriter log) {
        long asked = aggregator.total() - kept;
        long hits = cached == null ? 0 : cached.hits();
        boolean complete = !stopping && !guard.stopped() && !log.failed() && aggregator.total() == state.planned();
        dir.writeState(state.with(complete ? RunState.Status.COMPLETE : RunState.Status.STOPPED));
        RunMetadataFile.endAttempt(dir, (System.nanoTime() - startedNanos) / 1e9, retry.requests(),
                retry.retries(), spec.output().prices(), replicas.size() > 1 ? replicas.shares() : null);
        if (replicas.size() > 1) {
            dir.writeReplicas(replicas.shares());
        }
        if (stopping) {
            throw new RunStoppedException("stopped: " + aggregator.total() + " of " + state.planned()
                    + " items are kept in " + dir.path() + "; " + howToResume());
        }
        if (replicas.refusal() != null) {
            throw TailgapException.usage(replicas.refusal() + "; " + aggregator.total() + " of " + state.planned()
                    + " items are kept in " + dir.path() + " (fix or drop that replica, then " + howToResume() + ")");
        }
        if (guard.fatal() != null) {
            long errors = aggregator.count(Outcome.ERROR);
            long finished = aggregator.total() - errors;
            throw TailgapException.endpoint(guard.fatal() + (errors == 0 ? "" : "; the item log holds " + errors
                    + " ERROR items, asked again on resume") + (finished == 0 ? ""
                    : "; " + finished + " finished items are kept in " + dir.path() + " (" + howToResume() + ")"));
        }
        Report report = RunMetadataFile.attach(dir.path(), SavedRun.read(dir.path()).report(aggregator,
                Version.tool()), aggregator.runTotals());
        dir.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
        dir.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
        RunReports.writeHtml(dir.path(), report);
        long truncated = aggregator.truncated();
        if (truncated > 0 && truncated > TRUNCATION_WARNING * Math.max(1, report.overall().asked())) {
            warnings.add(String.format(Locale.ROOT, "%d of %d answers (%.1f%%) were cut off by the token limit "
                    + "(max tokens %d): raise it, or check the answers in %s", truncated, report.overall().asked(),
                    100.0 * truncated / report.overall().asked(), spec.generation().params().maxTokens(),
                    dir.file(RunDirectory.ITEMS)));
        }
        if (report.integrity().servedChanged()) {
            warnings.add(report.integrity().servedChangeNote());
        }
        long errors = aggregator.count(Outcome.ERROR);
        double rate = report.overall().errorRate();
        if (errors > 0 && rate > spec.execution().maxErrorRate()) {
            return new RunResult(dir.path(), report, ExitCode.ENDPOINT, String.format(Locale.ROOT,
                    "%d of %d items (%.1f%%) failed at the endpoint, above the maximum error rate %.1f%%; last "
                            + "error: %s (a rerun asks the failed items again)", errors, report.overall().asked(),
                    100 * rate, 100 * spec.execution().maxErrorRate(), guard.lastError()), kept, asked, hits, warnings);
        }
        return new RunResult(dir.path(), report, ExitCode.OK, "", kept, asked, hits, warnings);
    }

    /** How to continue a stopped run. */
    private String howToResume() {
        return spec.target().endpointLabel() != null ? "rerun the same command to resume"
                : "resume with: tailgap run --resume " + dir.path() + " (or rerun the same command)";
    }
}
