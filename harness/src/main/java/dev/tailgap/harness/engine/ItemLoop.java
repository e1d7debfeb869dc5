package dev.tailgap.harness.engine;

import dev.tailgap.adapters.ModelAdapter;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One attempt of a run, once its directory is locked and opened: asks the pending items, first one at a time until a
 * live reply has told the served identity (checked against the identity an unfinished run started with), then up to
 * twice the concurrency at once so items waiting out a back-off do not leave the endpoint idle; writes the state and
 * the reports. See {@link RunEngine} for the contract.
 */
final class ItemLoop {
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
    private final ExecutorService pool;
    private final RetryInterceptor retry;
    private long startedNanos;
    private volatile boolean stopping;
    private volatile Thread serialAsker;

    ItemLoop(RunSpec spec, ModelRef ref, ModelAdapter adapter, ScorerSetup scoring, Dataset dataset,
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
        this.guard = new EndpointGuard(state.planned() * spec.generation().prompting().samples(), // requests: K per item
                spec.execution().maxErrorRate(), spec.execution().concurrency(),
                "model '" + ref.model() + "' (" + ref.provider() + ") at " + RunSettings.redact(spec.target().baseUrl()),
                this::abort, progress::retrying, System::nanoTime);
        List<Interceptor> chain = new ArrayList<>();
        if (cached != null) {
            chain.add(cached);
        }
        chain.add(tracker);
        this.retry = new RetryInterceptor(spec.execution().retries(), spec.execution().retryBackoff(), guard);
        chain.add(retry);
        if (spec.execution().rpm() != null || spec.execution().tpm() != null) {
            chain.add(new RateLimitInterceptor(spec.execution().rpm(), spec.execution().tpm()));
        }
        chain.add(new AdaptiveConcurrency(spec.execution().concurrency()));
        this.client = new ModelClient(adapter, chain);
        this.scoring = scoring;
        this.asker = new RepeatedAsker(new ItemAsker(client, ref.model(), scoring.scorer(), state.attempt(), cached),
                prompter, spec.generation().prompting(), spec.generation().system(), spec.generation().params());
        this.pool = Executors.newFixedThreadPool(2 * spec.execution().concurrency(), daemonThreads());
    }

    /** No new requests, those in flight cancelled. */
    void stop() {
        stopping = true;
        abort();
    }

    /** Ends the attempt early (a stop, or the guard found a reason): interrupts waits, cancels requests. */
    private void abort() {
        pool.shutdownNow();
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
        boolean verified = spec.execution().cacheReuse() == CacheReuse.ALWAYS;
        int serial = 0;
        Semaphore slots = new Semaphore(2 * spec.execution().concurrency());
        try (java.util.stream.Stream<Item> items = dataset.items()) {
            Iterator<Item> it = items.iterator();
            for (int index = 0; it.hasNext(); index++) {
                Item item = it.next();
                if (!selected.get(index) || done.contains(item.id())) {
                    continue;
                }
                if (stopping || guard.stopped() || log.failed()) {
                    break;
                }
                String bucket = bucketing.buckets().get(bucketing.assign(item.frequency())).name();
                if (!verified) {
                    serialAsker = Thread.currentThread();
                    ItemResult r;
                    try {
                        r = asker.ask(item, bucket, guard);
                    } finally {
                        serialAsker = null;
                        Thread.interrupted();
                    }
                    verified = verify() || ++serial >= SERIAL_TRIES;
                    record(log, r);
                    continue;
                }
                slots.acquireUninterruptibly();
                try {
                    pool.execute(() -> {
                        try {
                            if (!stopping && !guard.stopped()) {
                                record(log, asker.ask(item, bucket, guard));
                            }
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RejectedExecutionException stopped) {
                    slots.release();
                    break;
                }
            }
            pool.shutdown();
            awaitQuietly(pool);
        } finally {
            pool.shutdownNow();
            try {
                log.close();
            } finally {
                client.close();
                progress.finished();
            }
        }
        return finish(log);
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
                retry.retries(), spec.output().prices());
        if (stopping) {
            throw new RunStoppedException("stopped: " + aggregator.total() + " of " + state.planned()
                    + " items are kept in " + dir.path() + "; " + howToResume());
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

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, "tailgap-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
