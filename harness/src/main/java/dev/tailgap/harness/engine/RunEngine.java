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
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
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
import java.time.Duration;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a {@link RunSpec}: loads and validates the dataset, buckets it (edges from the whole dataset), samples, asks
 * the model item by item with bounded concurrency, scores each answer, appends it to the run's item log and
 * aggregates incrementally, then writes the JSON and Markdown reports. Streaming: memory does not grow with the
 * number of items. A rerun of the same spec into the same directory resumes: finished items are kept, none is asked
 * twice. {@link #stop()} (e.g. from a Ctrl-C hook) cancels requests in flight and keeps what finished.
 */
public final class RunEngine {
    private final Path runsRoot;
    private final Progress progress;
    private final Function<String, String> env;
    private final AtomicReference<ModelClient> active = new AtomicReference<>();
    private volatile boolean stopping;

    public RunEngine(Path runsRoot, Progress progress, Function<String, String> env) {
        this.runsRoot = runsRoot;
        this.progress = progress;
        this.env = env;
    }

    /** Runs the spec to completion (or until {@link #stop()}); see the class contract. */
    public RunResult run(RunSpec spec) {
        Dataset dataset = DatasetFiles.load(spec.dataset(), spec.skipInvalid());
        Bucketing bucketing = bucketing(spec, dataset);
        Scorer scorer = scorer(spec.scorer());
        Map<String, Object> settings = settings(spec, dataset, scorer);
        BitSet selected = spec.perBucket() == null && spec.limit() == null
                ? allOf(dataset.size())
                : Sampler.select(dataset, bucketing, new SamplingSpec(spec.perBucket(), spec.limit(), spec.seed()));
        RunDirectory dir = new RunDirectory(spec.out() != null ? spec.out()
                : runsRoot.resolve(defaultName(dataset, spec, settings)));
        ModelRef ref = modelRef(spec.model());
        ModelAdapter adapter = adapter(ref, spec);

        Aggregator aggregator = new Aggregator(bucketing);
        DoneIds done = new DoneIds();
        SavedRun planned = new SavedRun(settings, datasetRef(dataset), bucketing, spec.minBucketSize());
        long kept = dir.open(planned.toSpecFile(), r -> {
            aggregator.add(r);
            done.add(r.id());
        });
        done.seal();
        SavedRun saved = SavedRun.read(dir.path());
        long total = selected.cardinality();
        progress.started(total, kept);

        RunState state = new RunState(total, spec.maxErrorRate(), spec.concurrency());
        ModelClient client = new ModelClient(adapter, List.of(
                new RetryInterceptor(spec.retries(), Duration.ofMillis(500), Duration.ofSeconds(60))));
        active.set(client);
        ExecutorService pool = Executors.newFixedThreadPool(spec.concurrency(), daemonThreads());
        Semaphore slots = new Semaphore(spec.concurrency());
        try (RunDirectory.Appender log = dir.appender(); Stream<Item> items = dataset.items()) {
            Iterator<Item> it = items.iterator();
            for (int index = 0; it.hasNext(); index++) {
                Item item = it.next();
                if (!selected.get(index) || done.contains(item.id())) {
                    continue;
                }
                slots.acquireUninterruptibly();
                if (stopping || state.aborted()) {
                    slots.release();
                    break;
                }
                String bucket = bucketing.buckets().get(bucketing.assign(item.frequency())).name();
                pool.execute(() -> {
                    try {
                        ItemResult r = ask(client, spec, scorer, ref, item, bucket, state);
                        if (r != null && !stopping) {
                            log.append(r);
                            aggregator.add(r);
                            progress.itemDone(r, aggregator);
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
            pool.shutdown();
            awaitQuietly(pool);
        } finally {
            pool.shutdownNow();
            client.close();
            active.set(null);
            progress.finished();
        }

        long asked = state.finished.get();
        if (stopping) {
            throw new RunStoppedException("stopped: " + aggregator.total() + " of " + (total + kept)
                    + " items are kept in " + dir.path() + "; rerun the same command to resume");
        }
        if (state.fatal.get() != null) {
            long finished = aggregator.total() - aggregator.count(Outcome.ERROR);
            throw TailgapException.endpoint(state.fatal.get() + (finished == 0 ? ""
                    : "; " + finished + " finished items are kept in " + dir.path()
                    + " (rerun the same command to resume)"));
        }
        Report report = aggregator.report(Version.tool(), saved.dataset(), saved.settings(), saved.minBucketSize());
        dir.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
        dir.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
        RunReports.writeHtml(dir.path(), report);
        long errors = aggregator.count(Outcome.ERROR);
        double rate = report.overall().errorRate();
        if (errors > 0 && rate > spec.maxErrorRate()) {
            return new RunResult(dir.path(), report, ExitCode.ENDPOINT, String.format(Locale.ROOT,
                    "%d of %d items (%.1f%%) failed at the endpoint, above --max-error-rate %.1f%%; last error: %s",
                    errors, report.overall().asked(), 100 * rate, 100 * spec.maxErrorRate(), state.lastError.get()),
                    kept, asked);
        }
        return new RunResult(dir.path(), report, ExitCode.OK, "", kept, asked);
    }

    /** Stops a run in progress: no new requests, in-flight ones cancelled, finished items kept. */
    public void stop() {
        stopping = true;
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

    private ModelAdapter adapter(ModelRef ref, RunSpec spec) {
        try {
            return Adapters.provider(ref.provider()).create(new AdapterConfig(ref.model(), spec.baseUrl(),
                    spec.apiKeyEnv(), spec.options(), spec.timeout(), spec.concurrency(), env));
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
            m.put("options", spec.options());
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
        m.put("maxErrorRate", spec.maxErrorRate());
        m.put("retries", spec.retries());
        m.put("timeoutSeconds", spec.timeout().toMillis() / 1000.0);
        m.put("tool", Version.tool());
        return m;
    }

    /** A base URL without user info, query or fragment (where keys sometimes hide). */
    static String redact(String baseUrl) {
        if (baseUrl == null) {
            return "(provider default)";
        }
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(baseUrl);
        if (u == null) {
            return "(unparseable URL)";
        }
        return u.newBuilder().username("").password("").query(null).fragment(null).build().toString();
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

    private static BitSet allOf(int n) {
        BitSet b = new BitSet(n);
        b.set(0, n);
        return b;
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
     * When to give up on the endpoint: a non-retryable failure (401, 404, 400) stops at once; so does an error count
     * that can no longer stay under the threshold, and an endpoint that has failed every request of the first wave.
     */
    private static final class RunState {
        final AtomicLong finished = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong successes = new AtomicLong();
        final AtomicReference<String> fatal = new AtomicReference<>();
        final AtomicReference<String> lastError = new AtomicReference<>();
        private final long maxErrors;
        private final long firstWave;

        RunState(long total, double maxErrorRate, int concurrency) {
            this.maxErrors = (long) Math.floor(maxErrorRate * total);
            this.firstWave = Math.min(total, Math.max(2L * concurrency, 10));
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
                fatal.compareAndSet(null, e.getMessage());
            } else if (successes.get() == 0 && (n > maxErrors || n >= firstWave)) {
                fatal.compareAndSet(null, e.getMessage() + " (no request has succeeded)");
            } else if (n > maxErrors) {
                fatal.compareAndSet(null, n + " items failed at the endpoint, more than --max-error-rate allows ("
                        + maxErrors + "); last error: " + e.getMessage());
            }
        }
    }
}
