package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Sampler;
import dev.tailgap.harness.protocol.Prompter;
import dev.tailgap.datasets.SamplingSpec;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.SkipReport;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.history.RunRegistration;
import dev.tailgap.harness.scoring.AliasRule;
import dev.tailgap.harness.scoring.ScorerSetup;
import dev.tailgap.harness.scoring.Scorers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a {@link RunSpec}: checks the cheap settings (model reference, provider, bucketing, scorer) before reading the
 * dataset, loads and validates the dataset, buckets it (edges from the whole dataset), samples, takes the run
 * directory's lock, asks the model item by item, scores each answer, appends it to the run's item log and aggregates
 * incrementally, then writes the JSON, Markdown and HTML reports. Streaming: memory does not grow with the number of
 * items.
 *
 * <p>Integrity: the endpoint is probed for what it serves, and the first item is asked alone, live, so the run knows
 * its {@link ServedIdentity} before any answer is reused: the response cache serves only answers recorded under the
 * same identity ({@link CacheReuse}), and an unfinished run is resumed only under the identity it started with
 * (otherwise a usage error naming what differs). A directory holding a finished run is never resumed: the run goes to
 * the next free sibling ({@code DIR-2}, {@code DIR-3}, …) and says so. spec.json records the state ({@link RunState})
 * so that reports, gates and comparisons can refuse an unfinished run.
 *
 * <p>Requests go through a chain of interceptors: the response cache (when one is given and the adapter's answers are
 * {@linkplain ModelAdapter#cacheable() cacheable}), the served-identity tracker, retries with back-off (reporting
 * every attempt to the {@link EndpointGuard}, which stops a run whose endpoint went away within seconds), the
 * {@code rpm}/{@code tpm} limits, and adaptive concurrency.
 *
 * <p>Crash safety: an item counts as done only once its line in the item log is on disk (group commit, see
 * {@link ItemLogWriter}). {@link #stop()} (e.g. from a Ctrl-C hook) sends no new request, cancels those in flight and
 * keeps what finished.
 *
 * <p>When an attempt ends (finished, stopped or failed) the run is registered in the runs index of the runs directory
 * ({@link dev.tailgap.harness.history.RunIndex}); an index that cannot be written is a warning, never a failed run.
 */
public final class RunEngine {
    private final Path runsRoot;
    private final Progress progress;
    private final Function<String, String> env;
    private final ResponseCache cache;
    private final ItemLogWriter.Sync sync;
    private final AtomicReference<ItemLoop> active = new AtomicReference<>();
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
        return run(spec, null);
    }

    /**
     * Runs the spec against {@code adapter}, a model the caller built (an in-process one, say), instead of the one
     * its provider would create; {@code null} means the provider's. The spec's model reference still names the run
     * (its provider part is recorded and keys the cache). The engine closes the adapter when the run ends.
     */
    public RunResult run(RunSpec spec, ModelAdapter adapter) {
        ModelRef ref = spec.target().model();
        ModelAdapterProvider provider = adapter != null ? null : provider(ref);
        BucketScheme scheme = spec.sampling().scheme();
        Scorers.provider(spec.scoring().scorer()); // an unknown scorer is a usage error before the dataset is read
        Dataset dataset = DatasetFiles.load(spec.sampling().dataset(), spec.sampling().skipInvalid());
        Bucketing bucketing = bucketing(scheme != null ? scheme : scheme(dataset.manifest().bucketing()), dataset);
        Prompter prompter = prompter(spec, dataset, bucketing);
        try (ScorerSetup scoring = ScorerSetup.open(spec, AliasRule.ofManifest(dataset.manifest().aliasRule()), cache,
                env)) {
            return run(spec, adapter, ref, provider, bucketing, dataset, scoring, prompter);
        }
    }

    private static Prompter prompter(RunSpec spec, Dataset dataset, Bucketing bucketing) {
        try {
            return Prompter.of(spec.generation().prompting(), spec.generation().prompt(), () -> {
                try (java.util.stream.Stream<dev.tailgap.datasets.Item> items = dataset.items()) {
                    return items.toList();
                }
            }, bucketing, spec.sampling().seed());
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    private RunResult run(RunSpec spec, ModelAdapter adapter, ModelRef ref, ModelAdapterProvider provider,
                          Bucketing bucketing, Dataset dataset, ScorerSetup scoring, Prompter prompter) {
        Map<String, Object> settings = RunSettings.of(spec, dataset, scoring.scorer());
        BitSet selected = Sampler.select(dataset, bucketing,
                new SamplingSpec(spec.sampling().perBucket(), spec.sampling().limit(), spec.sampling().seed()));
        Path target = spec.output().dir() != null ? spec.output().dir()
                : RunSettings.defaultDir(runsRoot, dataset, spec, settings);
        SavedRun record = new SavedRun(settings, RunSettings.datasetRef(dataset), bucketing,
                spec.sampling().minBucketSize(),
                spec.sampling().perBucket() == null ? List.of() : SavedRun.relationSizes(dataset, bucketing));

        List<String> warnings = new ArrayList<>();
        try (RunLock lock = RunLock.place(target, warnings)) {
            RunDirectory dir = new RunDirectory(lock.dir());
            RunState previous = dir.state();
            RunState state = new RunState(RunState.Status.RUNNING, selected.cardinality(),
                    previous == null ? 1 : previous.attempt() + 1);
            Map<String, String> earlierServed = dir.servedFacts();
            Aggregator aggregator = new Aggregator(bucketing, spec.sampling().minBucketSize());
            DoneIds done = new DoneIds();
            Map<String, Object> resume = RunSpecFile.toMap(spec, RunSettings.resumeLocation(dataset));
            SkipReport.record(dataset, resume);
            long kept = dir.open(record.toSpecFile(), resume, state, r -> {
                        aggregator.add(r);
                        done.add(r.id());
                    });
            done.seal();
            Replicas model = new Replicas(adapter != null
                    ? List.of(new Replica(RunSettings.redact(spec.target().baseUrl()), adapter))
                    : replicas(provider, ref, spec, dir.path()), ref.model(), progress::notice, System::nanoTime);
            try {
                return RunRegistration.after(runsRoot, ask(spec, ref, model, scoring, dataset, bucketing, selected,
                        dir, state, aggregator, done, kept, earlierServed, warnings, prompter));
            } catch (RunStoppedException | TailgapException e) {
                throw RunRegistration.after(runsRoot, dir.path(), e);
            } finally {
                model.close();
            }
        }
    }

    private RunResult ask(RunSpec spec, ModelRef ref, Replicas adapter, ScorerSetup scoring, Dataset dataset,
                          Bucketing bucketing, BitSet selected, RunDirectory dir, RunState state, Aggregator aggregator,
                          DoneIds done, long kept, Map<String, String> earlierServed, List<String> warnings,
                          Prompter prompter) {
        EndpointInfo probe = adapter.probe();
        AdapterFit.check(spec, ref, adapter, probe, warnings);
        ServedTracker tracker = new ServedTracker(probe);
        ItemLoop loop = new ItemLoop(spec, ref, adapter, scoring, dataset, bucketing, selected, dir, state, aggregator,
                done, tracker, cacheFor(adapter, ref, spec, tracker), progress, sync, earlierServed, kept, warnings,
                prompter);
        active.set(loop);
        if (stopping) {
            loop.stop();
        }
        try {
            return loop.run(stopping);
        } finally {
            active.set(null);
        }
    }

    private CacheInterceptor cacheFor(ModelAdapter adapter, ModelRef ref, RunSpec spec, ServedTracker tracker) {
        return cache == null || !adapter.cacheable() ? null
                : new CacheInterceptor(cache, CacheKey.Endpoint.of(ref.provider(), spec.target().baseUrls(),
                        spec.target().options()), spec.execution().cacheSampled(), spec.execution().cacheReuse(),
                        tracker);
    }

    /** Stops a run in progress: no new requests, in-flight ones cancelled, finished items kept. */
    public void stop() {
        stopping = true;
        ItemLoop loop = active.get();
        if (loop != null) {
            loop.stop();
        }
    }

    private static BucketScheme scheme(String scheme) {
        try {
            return BucketScheme.parse(scheme);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("bucketing '" + scheme + "': " + e.getMessage());
        }
    }

    private static Bucketing bucketing(BucketScheme scheme, Dataset dataset) {
        try {
            return scheme.apply(dataset.frequencies());
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("bucketing: " + e.getMessage());
        }
    }

    private static ModelAdapterProvider provider(ModelRef ref) {
        try {
            return Adapters.provider(ref.provider());
        } catch (AdapterConfigException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    /**
     * One adapter per base URL of this run (one for the provider's default); adapters that keep logs (the command
     * provider's stderr) write them into the run.
     */
    private List<Replica> replicas(ModelAdapterProvider provider, ModelRef ref, RunSpec spec, Path logDir) {
        List<String> urls = spec.target().baseUrls().isEmpty() ? java.util.Collections.singletonList(null)
                : spec.target().baseUrls();
        List<Replica> out = new ArrayList<>();
        try {
            for (String url : urls) {
                out.add(new Replica(RunSettings.redact(url), provider.create(new AdapterConfig(ref.model(), url,
                        spec.target().apiKeyEnv(), spec.target().options(), spec.execution().timeout(),
                        spec.execution().concurrency(), env, logDir))));
            }
        } catch (AdapterConfigException e) {
            out.forEach(r -> r.adapter().close());
            throw TailgapException.usage(e.getMessage());
        }
        return out;
    }

}
