package dev.tailgap.harness.engine;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.Sampler;
import dev.tailgap.datasets.SamplingSpec;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.Secrets;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.scoring.AbstentionDetector;
import dev.tailgap.harness.scoring.Matchers;
import dev.tailgap.harness.scoring.Scored;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a {@link RunSpec}: loads and validates the dataset, buckets it (edges from the whole dataset), samples, asks
 * the model item by item, scores each answer, appends it to the run's item log and aggregates incrementally, then
 * writes the JSON and Markdown reports. Streaming: memory does not grow with the number of items.
 *
 * <p>Requests go through a chain of interceptors: the response cache (when one is given), retries with back-off,
 * the {@code rpm}/{@code tpm} limits, and adaptive concurrency (at most {@code concurrency} requests in flight, fewer
 * while the endpoint answers 429). Up to twice as many items as requests are in progress, so items waiting out a
 * back-off do not leave the endpoint idle.
 *
 * <p>Crash safety: an item counts as done (aggregated, reported to {@link Progress}) only once its line in the item
 * log is on disk (group commit, see {@link ItemLogWriter}). A rerun of the same spec into the same directory, or
 * {@code --resume}, keeps those items and asks none of them again. {@link #stop()} (e.g. from a Ctrl-C hook) sends no
 * new request, cancels those in flight and keeps what finished.
 */
public final class RunEngine {
    /** Providers whose answers are not worth caching (they are already local look-ups). */
    private static final Set<String> UNCACHED_PROVIDERS = Set.of("replay");

    private final Path runsRoot;
    private final Progress progress;
    private final Function<String, String> env;
    private final ResponseCache cache;
    private final ItemLogWriter.Sync sync;
    private final AtomicReference<ModelClient> active = new AtomicReference<>();
    private final AtomicReference<ExecutorService> workers = new AtomicReference<>();
    private volatile boolean stopping;

    /** An engine without a response cache. */
    public RunEngine(Path runsRoot, Progress progress, Function<String, String> env) {
        this(runsRoot, progress, env, null);
    }

    /** An engine that answers from and fills {@code cache} ({@code null}: none). */
    public RunEngine(Path runsRoot, Progress progress, Function<String, String> env, ResponseCache cache) {
        this(runsRoot, progress, env, cache, ItemLogWriter.Sync.GROUP);
    }

    RunEngine(Path runsRoot, Progress progress, Function<String, String> env, ResponseCache cache,
              ItemLogWriter.Sync sync) {
        this.runsRoot = runsRoot;
        this.progress = progress;
        this.env = env;
        this.cache = cache;
        this.sync = sync;
    }

    /** Runs the spec to completion (or until {@link #stop()}); see the class contract. */
    public RunResult run(RunSpec spec) {
        Dataset dataset = DatasetFiles.load(spec.dataset(), spec.skipInvalid());
        Bucketing bucketing = bucketing(spec, dataset);
        Scorer scorer = scorer(spec.scorer());
        Map<String, Object> settings = settings(spec, dataset, scorer);
        BitSet selected = Sampler.select(dataset, bucketing,
                new SamplingSpec(spec.perBucket(), spec.limit(), spec.seed()));
        RunDirectory dir = new RunDirectory(spec.out() != null ? spec.out()
                : runsRoot.resolve(defaultName(dataset, spec, settings)));
        ModelRef ref = modelRef(spec.model());
        ModelAdapter adapter = adapter(ref, spec, dir.path());

        Aggregator aggregator = new Aggregator(bucketing, spec.minBucketSize());
        DoneIds done = new DoneIds();
        SavedRun planned = new SavedRun(settings, datasetRef(dataset), bucketing, spec.minBucketSize(),
                spec.perBucket() == null ? List.of() : SavedRun.relationSizes(dataset, bucketing));
        long kept;
        try {
            kept = dir.open(planned.toSpecFile(), RunSpecFile.toMap(spec, resumeLocation(dataset)), r -> {
                aggregator.add(r);
                done.add(r.id());
            });
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
        done.seal();
        SavedRun saved = SavedRun.read(dir.path());
        long total = selected.cardinality();
        progress.started(total, kept);

        RunState state = new RunState(total, spec, ref);
        CacheInterceptor cached = cache == null || UNCACHED_PROVIDERS.contains(ref.provider()) ? null
                : new CacheInterceptor(cache, new CacheKey.Endpoint(ref.provider(), spec.baseUrl(), spec.options()),
                        spec.cacheSampled());
        List<Interceptor> chain = new ArrayList<>();
        if (cached != null) {
            chain.add(cached);
        }
        chain.add(new RetryInterceptor(spec.retries(), spec.retryBackoff()));
        if (spec.rpm() != null || spec.tpm() != null) {
            chain.add(new RateLimitInterceptor(spec.rpm(), spec.tpm()));
        }
        chain.add(new AdaptiveConcurrency(spec.concurrency()));
        ModelClient client = new ModelClient(adapter, chain);
        active.set(client);
        int inProgress = 2 * spec.concurrency();
        ExecutorService pool = Executors.newFixedThreadPool(inProgress, daemonThreads());
        workers.set(pool);
        if (stopping) {
            pool.shutdownNow();
        }
        Semaphore slots = new Semaphore(inProgress);
        ItemLogWriter log = dir.itemLog(sync);
        try (Stream<Item> items = dataset.items()) {
            Iterator<Item> it = items.iterator();
            for (int index = 0; it.hasNext(); index++) {
                Item item = it.next();
                if (!selected.get(index) || done.contains(item.id())) {
                    continue;
                }
                slots.acquireUninterruptibly();
                if (stopping || state.aborted() || log.failed()) {
                    slots.release();
                    break;
                }
                String bucket = bucketing.buckets().get(bucketing.assign(item.frequency())).name();
                try {
                    pool.execute(() -> {
                        try {
                            ItemResult r = ask(client, spec, scorer, ref, item, bucket, state);
                            if (r != null) {
                                log.append(r, durable -> {
                                    if (durable) {
                                        aggregator.add(r);
                                        progress.itemDone(r, aggregator);
                                    }
                                });
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
                active.set(null);
                workers.set(null);
                progress.finished();
            }
        }

        long asked = state.finished.get();
        long hits = cached == null ? 0 : cached.hits();
        if (stopping) {
            throw new RunStoppedException("stopped: " + aggregator.total() + " of " + total
                    + " items are kept in " + dir.path() + "; " + howToResume(spec, dir.path()));
        }
        if (state.fatal.get() != null) {
            long finished = aggregator.total() - aggregator.count(Outcome.ERROR);
            throw TailgapException.endpoint(state.fatal.get() + (finished == 0 ? ""
                    : "; " + finished + " finished items are kept in " + dir.path() + " ("
                    + howToResume(spec, dir.path()) + ")"));
        }
        Report report = saved.report(aggregator, Version.tool());
        dir.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
        dir.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
        RunReports.writeHtml(dir.path(), report);
        long errors = aggregator.count(Outcome.ERROR);
        double rate = report.overall().errorRate();
        if (errors > 0 && rate > spec.maxErrorRate()) {
            return new RunResult(dir.path(), report, ExitCode.ENDPOINT, String.format(Locale.ROOT,
                    "%d of %d items (%.1f%%) failed at the endpoint, above --max-error-rate %.1f%%; last error: %s"
                            + " (a rerun asks the failed items again)",
                    errors, report.overall().asked(), 100 * rate, 100 * spec.maxErrorRate(), state.lastError.get()),
                    kept, asked, hits);
        }
        return new RunResult(dir.path(), report, ExitCode.OK, "", kept, asked, hits);
    }

    /** How to continue a stopped run in {@code dir}. */
    private static String howToResume(RunSpec spec, Path dir) {
        return spec.endpointLabel() != null ? "rerun the same command to resume"
                : "resume with: tailgap run --resume " + dir + " (or rerun the same command)";
    }

    /** Where spec.json says the dataset is: {@code bundled:NAME}, or the file's absolute path. */
    private static String resumeLocation(Dataset dataset) {
        String location = dataset.location();
        if (location.startsWith("bundled:") || location.startsWith("memory:")) {
            return location;
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }

    /** Stops a run in progress: no new requests, in-flight ones cancelled, finished items kept. */
    public void stop() {
        stopping = true;
        ExecutorService pool = workers.get();
        if (pool != null) {
            pool.shutdownNow(); // interrupts back-off, rate-limit and concurrency waits
        }
        ModelClient c = active.get();
        if (c != null) {
            c.cancelAll();
        }
    }

    private ItemResult ask(ModelClient client, RunSpec spec, Scorer scorer, ModelRef ref, Item item, String bucket,
                           RunState state) {
        if (stopping || state.aborted()) {
            return null;
        }
        String prompt = spec.prompt().render(item.question(), item.concept(), item.relation());
        long start = System.nanoTime();
        try {
            Completion c = client.call(new CompletionRequest(ref.model(), prompt, spec.system(), spec.params(),
                    item.id()));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Scored s = scorer.score(c.text(), item.answers());
            state.success();
            return new ItemResult(item.id(), item.question(), item.answers(), item.concept(), item.relation(),
                    item.frequency(), bucket, c.text(), s.extracted(), s.outcome(), null, ms, c.promptTokens(),
                    c.completionTokens());
        } catch (AdapterException e) {
            if (e.kind() == FailureKind.CANCELLED || stopping) {
                return null;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            state.failure(e);
            return new ItemResult(item.id(), item.question(), item.answers(), item.concept(), item.relation(),
                    item.frequency(), bucket, null, null, Outcome.ERROR, e.getMessage(), ms, -1, -1);
        }
    }

    private static Bucketing bucketing(RunSpec spec, Dataset dataset) {
        String scheme = spec.bucketing() != null ? spec.bucketing() : dataset.manifest().bucketing();
        try {
            return BucketScheme.parse(scheme).apply(dataset.frequencies());
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("bucketing '" + scheme + "': " + e.getMessage());
        }
    }

    private static Scorer scorer(String name) {
        try {
            return new Scorer(Matchers.byName(name), AbstentionDetector.defaults());
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    private static ModelRef modelRef(String model) {
        try {
            return ModelRef.parse(model);
        } catch (AdapterConfigException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    /** The adapter for this run; adapters that keep logs (the command provider's stderr) write them into the run. */
    private ModelAdapter adapter(ModelRef ref, RunSpec spec, Path logDir) {
        try {
            return Adapters.provider(ref.provider()).create(new AdapterConfig(ref.model(), spec.baseUrl(),
                    spec.apiKeyEnv(), spec.options(), spec.timeout(), spec.concurrency(), env, logDir));
        } catch (AdapterConfigException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    /** The run's settings as written to spec.json and stamped into the report: no secrets, no paths, no times. */
    static Map<String, Object> settings(RunSpec spec, Dataset dataset, Scorer scorer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", spec.model());
        m.put("endpoint", spec.endpointLabel() != null ? spec.endpointLabel() : redact(spec.baseUrl()));
        if (spec.apiKeyEnv() != null) {
            m.put("apiKeyEnv", spec.apiKeyEnv());
        }
        if (!spec.options().isEmpty()) {
            m.put("options", RunSpecFile.redactOptions(spec.options()));
        }
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("temperature", spec.params().temperature());
        gen.put("maxTokens", spec.params().maxTokens());
        gen.put("stop", spec.params().stop());
        gen.put("seed", spec.params().seed());
        m.put("generation", gen);
        if (spec.system() != null) {
            m.put("system", spec.system());
        }
        m.put("prompt", Map.of("template", spec.prompt().text(), "sha256", spec.prompt().sha256()));
        m.put("scorer", scorer.describe());
        m.put("bucketing", spec.bucketing() != null ? spec.bucketing() : dataset.manifest().bucketing());
        m.put("minBucketSize", spec.minBucketSize());
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("perBucket", spec.perBucket());
        sampling.put("limit", spec.limit());
        sampling.put("seed", spec.seed());
        m.put("sampling", sampling);
        m.put("dataset", dataset.manifest().id());
        m.put("tool", Version.tool());
        return m;
    }

    /** A base URL without user info, query or fragment (where keys sometimes hide). */
    static String redact(String baseUrl) {
        return baseUrl == null ? "(provider default)" : Secrets.withoutCredentials(baseUrl);
    }

    static DatasetRef datasetRef(Dataset d) {
        return new DatasetRef(d.manifest().name(), d.manifest().version(), d.sha256(), d.size(),
                d.manifest().frequencySource(), d.manifest().license());
    }

    private static String defaultName(Dataset dataset, RunSpec spec, Map<String, Object> settings) {
        String hash = sha256(RunDirectory.prettyJson(settings)).substring(0, 8);
        return slug(dataset.manifest().name()) + "__" + slug(spec.model()) + "__" + hash;
    }

    static String slug(String s) {
        String x = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return x.isEmpty() ? "x" : x;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * When to give up on the endpoint: a non-retryable failure (401, 404, 400) stops at once, with a message naming
     * what to fix; so does an error count that can no longer stay under the threshold, and an endpoint that has failed
     * every request of the first wave.
     */
    private static final class RunState {
        final AtomicLong finished = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong successes = new AtomicLong();
        final AtomicReference<String> fatal = new AtomicReference<>();
        final AtomicReference<String> lastError = new AtomicReference<>();
        private final long maxErrors;
        private final long firstWave;
        private final RunSpec spec;
        private final ModelRef ref;

        RunState(long total, RunSpec spec, ModelRef ref) {
            this.maxErrors = (long) Math.floor(spec.maxErrorRate() * total);
            this.firstWave = Math.min(total, Math.max(2L * spec.concurrency(), 10));
            this.spec = spec;
            this.ref = ref;
        }

        boolean aborted() {
            return fatal.get() != null;
        }

        void success() {
            finished.incrementAndGet();
            successes.incrementAndGet();
        }

        void failure(AdapterException e) {
            finished.incrementAndGet();
            long n = errors.incrementAndGet();
            lastError.set(e.getMessage());
            if (!e.retryable()) {
                fatal.compareAndSet(null, e.getMessage() + whatToFix(e.kind(), e.getMessage()));
            } else if (successes.get() == 0 && (n > maxErrors || n >= firstWave)) {
                fatal.compareAndSet(null, e.getMessage() + " (no request has succeeded)");
            } else if (n > maxErrors) {
                fatal.compareAndSet(null, n + " items failed at the endpoint, more than --max-error-rate allows ("
                        + maxErrors + "); last error: " + e.getMessage());
            }
        }

        /** Names the setting to check after a non-retryable failure. */
        private String whatToFix(FailureKind kind, String message) {
            switch (kind) {
                case AUTH:
                    return message.contains("environment variable") ? ""
                            : spec.apiKeyEnv() != null ? "; the key is read from environment variable " + spec.apiKeyEnv()
                            : "; put the key in an environment variable and name it with --api-key-env";
                case NOT_FOUND:
                case BAD_REQUEST:
                    return "; model '" + ref.model() + "' (" + ref.provider() + ") at " + redact(spec.baseUrl());
                default:
                    return "";
            }
        }
    }
}
