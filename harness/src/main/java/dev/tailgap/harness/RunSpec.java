package dev.tailgap.harness;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.protocol.Prompting;
import dev.tailgap.harness.scoring.PromptTemplate;
import dev.tailgap.harness.scoring.Scorers;
import dev.tailgap.harness.scoring.ScoringOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that defines a run: one model × one dataset × one prompt/scoring spec, plus how to run it. Built by the
 * CLI and by the Java API alike ({@link #builder()}). Immutable; holds the name of the API-key variable, never a key.
 *
 * <p>{@code bucketing} {@code null} means the dataset manifest's default. {@code perBucket}/{@code limit}
 * {@code null} mean no cap. {@code out} {@code null} means {@code runs/<dataset>__<model>__<hash>}.
 * {@code endpointLabel}, when set, replaces the base URL in reports (for endpoints whose address is incidental, such as
 * the demo's ephemeral loopback port).
 *
 * <p>How to run it: {@code concurrency} bounds requests in flight (adaptively lowered on 429s); {@code retries} and
 * {@code retryBackoff} (the first wait, doubled per retry) shape retries of retryable failures; {@code rpm}/{@code tpm}
 * ({@code null}: none) cap requests and tokens per minute; {@code cacheSampled} lets sampled requests (temperature
 * &gt; 0 without a seed) be answered from the response cache, and {@code cacheReuse} says which stored answers may be
 * served ({@link CacheReuse}). None of these changes what is asked, so a resumed run may change them.
 *
 * <p>{@code scorer} names a {@link dev.tailgap.harness.scoring.ScorerProvider}; {@code scoring} holds its options, the
 * hedged-guess policy and the judge's model and endpoint. {@code prompting} says how each item is asked beyond its
 * {@code prompt} template and {@code params}: protocol, instruction, shots, extraction, per-relation templates and
 * repeated samples ({@link Prompting}; default: zero-shot, asked once).
 */
public record RunSpec(String dataset, String model, String baseUrl, String apiKeyEnv, Map<String, String> options,
                      GenerationParams params, String system, PromptTemplate prompt, String scorer, String bucketing,
                      int minBucketSize, Integer perBucket, Integer limit, long seed, int concurrency,
                      Duration timeout, int retries, double maxErrorRate, Path out, boolean skipInvalid,
                      String endpointLabel, Duration retryBackoff, Integer rpm, Integer tpm, boolean cacheSampled,
                      CacheReuse cacheReuse, ScoringOptions scoring, Prompting prompting) {

    /** The dataset a run asks when none is named: the bundled world-cities. */
    public static final String DEFAULT_DATASET = "world-cities";

    /** Longest per-request timeout (a day): beyond it a request is a hang, not a slow answer. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    public RunSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be above 0 and at most " + MAX_TIMEOUT.toSeconds()
                    + " seconds, got " + timeout.toMillis() / 1000.0);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("max error rate must be in [0, 1], got " + maxErrorRate);
        }
        if (minBucketSize < 0) {
            throw new IllegalArgumentException("min bucket size must be >= 0, got " + minBucketSize);
        }
        if (perBucket != null && perBucket < 1 || limit != null && limit < 1) {
            throw new IllegalArgumentException("--per-bucket and --limit must be >= 1");
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retry back-off must be >= 0, got " + retryBackoff);
        }
        cacheReuse = cacheReuse == null ? CacheReuse.IDENTITY : cacheReuse;
        if (rpm != null && rpm < 1 || tpm != null && tpm < 1) {
            throw new IllegalArgumentException("--rpm and --tpm must be >= 1");
        }
        scoring = scoring == null ? ScoringOptions.DEFAULTS : scoring;
        prompting = prompting == null ? Prompting.DEFAULTS : prompting;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset;
        b.model = model;
        b.baseUrl = baseUrl;
        b.apiKeyEnv = apiKeyEnv;
        b.options = options;
        b.params = params;
        b.system = system;
        b.prompt = prompt;
        b.scorer = scorer;
        b.bucketing = bucketing;
        b.minBucketSize = minBucketSize;
        b.perBucket = perBucket;
        b.limit = limit;
        b.seed = seed;
        b.concurrency = concurrency;
        b.timeout = timeout;
        b.retries = retries;
        b.maxErrorRate = maxErrorRate;
        b.out = out;
        b.skipInvalid = skipInvalid;
        b.endpointLabel = endpointLabel;
        b.retryBackoff = retryBackoff;
        b.rpm = rpm;
        b.tpm = tpm;
        b.cacheSampled = cacheSampled;
        b.cacheReuse = cacheReuse;
        b.scoring = scoring;
        b.prompting = prompting;
        return b;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private String dataset = DEFAULT_DATASET;
        private String model;
        private String baseUrl;
        private String apiKeyEnv;
        private Map<String, String> options = Map.of();
        private GenerationParams params = GenerationParams.DEFAULTS;
        private String system;
        private PromptTemplate prompt = PromptTemplate.defaults();
        private String scorer = Scorers.DEFAULT;
        private String bucketing;
        private int minBucketSize = 30;
        private Integer perBucket;
        private Integer limit;
        private long seed = 1234;
        private int concurrency = 8;
        private Duration timeout = Duration.ofSeconds(60);
        private int retries = 10;
        private double maxErrorRate = 0.02;
        private Path out;
        private boolean skipInvalid;
        private String endpointLabel;
        private Duration retryBackoff = Duration.ofMillis(500);
        private Integer rpm;
        private Integer tpm;
        private boolean cacheSampled;
        private CacheReuse cacheReuse = CacheReuse.IDENTITY;
        private ScoringOptions scoring = ScoringOptions.DEFAULTS;
        private Prompting prompting = Prompting.DEFAULTS;

        public Builder dataset(String v) { dataset = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder apiKeyEnv(String v) { apiKeyEnv = v; return this; }
        public Builder options(Map<String, String> v) { options = v; return this; }
        public Builder params(GenerationParams v) { params = v; return this; }
        public Builder system(String v) { system = v; return this; }
        public Builder prompt(PromptTemplate v) { prompt = v; return this; }
        public Builder scorer(String v) { scorer = v; return this; }
        public Builder bucketing(String v) { bucketing = v; return this; }
        public Builder minBucketSize(int v) { minBucketSize = v; return this; }
        public Builder perBucket(Integer v) { perBucket = v; return this; }
        public Builder limit(Integer v) { limit = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder concurrency(int v) { concurrency = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder retries(int v) { retries = v; return this; }
        public Builder maxErrorRate(double v) { maxErrorRate = v; return this; }
        public Builder out(Path v) { out = v; return this; }
        public Builder skipInvalid(boolean v) { skipInvalid = v; return this; }
        public Builder endpointLabel(String v) { endpointLabel = v; return this; }
        public Builder retryBackoff(Duration v) { retryBackoff = v; return this; }
        public Builder rpm(Integer v) { rpm = v; return this; }
        public Builder tpm(Integer v) { tpm = v; return this; }
        public Builder cacheSampled(boolean v) { cacheSampled = v; return this; }
        public Builder cacheReuse(CacheReuse v) { cacheReuse = v; return this; }
        public Builder scoring(ScoringOptions v) { scoring = v; return this; }
        public Builder prompting(Prompting v) { prompting = v; return this; }

        public RunSpec build() {
            return new RunSpec(dataset, model, baseUrl, apiKeyEnv, options, params, system, prompt, scorer,
                    bucketing, minBucketSize, perBucket, limit, seed, concurrency, timeout, retries, maxErrorRate,
                    out, skipInvalid, endpointLabel, retryBackoff, rpm, tpm, cacheSampled, cacheReuse, scoring,
                    prompting);
        }
    }
}
