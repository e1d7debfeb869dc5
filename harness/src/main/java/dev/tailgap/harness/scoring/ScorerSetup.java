package dev.tailgap.harness.scoring;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.cache.CacheKey;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.engine.AdaptiveConcurrency;
import dev.tailgap.harness.engine.CacheInterceptor;
import dev.tailgap.harness.engine.Interceptor;
import dev.tailgap.harness.engine.ModelClient;
import dev.tailgap.harness.engine.RateLimitInterceptor;
import dev.tailgap.harness.engine.RetryInterceptor;
import dev.tailgap.reports.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scorer of a run, built from its spec: the named {@link ScorerProvider} with the run's {@link ScoringOptions}
 * and the dataset's {@link AliasRule}, and for a judge the judge's client — the same chain as model calls: the
 * response cache (when one is given), retries with the run's {@code --retries}/{@code --retry-backoff}, the judge's
 * {@code --judge-rpm} limit and adaptive concurrency up to the run's {@code --concurrency}. Close it to close the
 * judge's adapter.
 */
public final class ScorerSetup implements AutoCloseable {
    private final Scorer scorer;
    private final ModelClient judge;

    private ScorerSetup(Scorer scorer, ModelClient judge) {
        this.scorer = scorer;
        this.judge = judge;
    }

    /** Builds the scorer {@code spec} names; a bad setting is a usage error. */
    public static ScorerSetup open(RunSpec spec, AliasRule aliases, ResponseCache cache,
                                   Function<String, String> env) {
        ScoringOptions o = spec.scoring().options();
        ModelClient judge = o.judgeModel() == null ? null : judgeClient(spec, o, cache, env);
        try {
            ScorerContext c = new ScorerContext(o.options(), o.hedged(), aliases, judge, o.judgeModel());
            return new ScorerSetup(Scorers.create(spec.scoring().scorer(), c), judge);
        } catch (RuntimeException e) {
            if (judge != null) {
                judge.close();
            }
            throw e;
        }
    }

    public Scorer scorer() {
        return scorer;
    }

    /** Aborts judge requests in flight. */
    public void cancelAll() {
        if (judge != null) {
            judge.cancelAll();
        }
    }

    /**
     * {@code scorer}'s verdict, with an unchecked exception from a plug-in turned into an ERROR naming it (a broken
     * scorer fails its items, it does not stop the run or pass for a hallucination).
     */
    public static Verdict score(Scorer scorer, ScoringItem item, String rawAnswer) {
        try {
            return scorer.score(item, rawAnswer);
        } catch (RuntimeException e) {
            return new Verdict(Outcome.ERROR, AnswerExtractor.extract(rawAnswer), "scorer " + scorer.describe()
                    + " failed: " + e, null);
        }
    }

    private static ModelClient judgeClient(RunSpec spec, ScoringOptions o, ResponseCache cache,
                                           Function<String, String> env) {
        ModelRef ref;
        ModelAdapter adapter;
        try {
            ref = ModelRef.parse(o.judgeModel());
            adapter = Adapters.provider(ref.provider()).create(new AdapterConfig(ref.model(), o.judgeBaseUrl(),
                    o.judgeApiKeyEnv(), Map.of(), spec.execution().timeout(), spec.execution().concurrency(), env, null));
        } catch (AdapterConfigException e) {
            throw TailgapException.usage("--judge-model: " + e.getMessage());
        }
        List<Interceptor> chain = new ArrayList<>();
        chain.addAll(CacheInterceptor.chainFront(cache, new CacheKey.Endpoint(ref.provider(), o.judgeBaseUrl(),
                Map.of()), spec.execution().cacheReuse(), adapter));
        chain.add(new RetryInterceptor(spec.execution().retries(), spec.execution().retryBackoff()));
        if (o.judgeRpm() != null) {
            chain.add(new RateLimitInterceptor(o.judgeRpm(), null));
        }
        chain.add(new AdaptiveConcurrency(spec.execution().concurrency()));
        return new ModelClient(adapter, chain);
    }

    @Override
    public void close() {
        if (judge != null) {
            judge.close();
        }
    }
}
