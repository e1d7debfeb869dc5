package dev.tailgap.harness.cli;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.plan.Execution;
import dev.tailgap.harness.plan.Generation;
import dev.tailgap.harness.plan.Sampling;
import dev.tailgap.harness.plan.Scoring;
import dev.tailgap.harness.plan.Target;
import dev.tailgap.harness.scoring.PromptTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options shared by {@code run} and {@code demo}: dataset, sampling, prompt, scoring and execution. */
final class RunOptions {
    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|FILE",
            description = "Bundled dataset name or JSONL file (default: ${DEFAULT-VALUE}).")
    String dataset = Sampling.DEFAULT_DATASET;

    @Option(names = "--bucketing", paramLabel = "SCHEME",
            description = "mass:K, log10, quantile:K or edges:a,b,... (default: the dataset manifest's).")
    String bucketing;

    @Option(names = "--min-bucket-size", paramLabel = "N",
            description = "Flag buckets with fewer scored items (default: ${DEFAULT-VALUE}).")
    int minBucketSize = Sampling.DEFAULT_MIN_BUCKET_SIZE;

    @Option(names = "--per-bucket", paramLabel = "N", description = "Sample at most N items per bucket.")
    Integer perBucket;

    @Option(names = "--limit", paramLabel = "N",
            description = "Ask at most N items in all, shared among the buckets in proportion to their sizes (after "
                    + "--per-bucket): a stratified sample.")
    Integer limit;

    @Option(names = {"--sample-seed", "--seed"}, paramLabel = "S",
            description = "Seed of the item sampling (--per-bucket, --limit) and of the shots drawn; never sent to "
                    + "the model (that is --gen-seed). --seed is the old name (default: ${DEFAULT-VALUE}).")
    long seed = Sampling.DEFAULT_SEED;

    @Option(names = "--prompt-file", paramLabel = "FILE",
            description = "Question template with {question}, {concept}, {relation} (default: the protocol's; "
                    + "zero-shot's allows \"unsure\").")
    Path promptFile;

    @Mixin
    ProtocolFlags protocol;

    @Option(names = "--system", paramLabel = "TEXT", description = "System message.")
    String system;

    @Option(names = "--scorer", paramLabel = "NAME",
            description = "contains, exact, f1, regex, judge or a plug-in (see: tailgap list scorers; default: "
                    + "${DEFAULT-VALUE}).")
    String scorer = Scoring.DEFAULTS.scorer();

    @Mixin
    ScoringFlags scoring;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature = GenerationParams.DEFAULTS.temperature();

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Max tokens to generate (default: the protocol's).")
    Integer maxTokens;

    @Option(names = "--stop", paramLabel = "SEQ", split = "\u001f",
            description = "Stop sequence, repeatable (default: the protocol's, a newline). --stop '' sends none.")
    List<String> stop;

    @Option(names = "--gen-seed", paramLabel = "S",
            description = "Generation seed sent to the endpoint in every request (default: none); the item sampling "
                    + "has its own, --sample-seed.")
    Long genSeed;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "Requests in flight at most; halved while the endpoint answers 429 and raised again as "
                    + "requests succeed (default: ${DEFAULT-VALUE}).")
    int concurrency = Execution.DEFAULT_CONCURRENCY;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds = Execution.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--retries", paramLabel = "N",
            description = "Retries of a retryable failure: 429, 5xx, timeout, dropped connection, malformed reply "
                    + "(default: ${DEFAULT-VALUE}).")
    int retries = Execution.DEFAULT_RETRIES;

    @Option(names = "--retry-backoff", paramLabel = "SECONDS",
            description = "Wait before the first retry when the endpoint gives no Retry-After; doubled for each "
                    + "further retry, with jitter, at most 30 s (default: ${DEFAULT-VALUE}).")
    double retryBackoffSeconds = Execution.DEFAULT_RETRY_BACKOFF.toMillis() / 1000.0;

    @Option(names = "--rpm", paramLabel = "N", description = "At most N requests per minute (default: no limit).")
    Integer rpm;

    @Option(names = "--tpm", paramLabel = "N",
            description = "At most N tokens per minute: estimated before each request (characters / 4 + "
                    + "--max-tokens), corrected with the endpoint's counts after (default: no limit).")
    Integer tpm;

    @Option(names = "--max-error-rate", paramLabel = "F",
            description = "Fail the run (exit 4) when more than this fraction of items end in ERROR "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxErrorRate = Execution.DEFAULT_MAX_ERROR_RATE;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: RUNS/<dataset>__<model>__<hash>).")
    Path out;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", split = "\u001f",
            description = "Label the run, repeatable (e.g. release=1.4, series=nightly, git.sha=...): recorded in "
                    + "spec.json and the reports, for listing runs and following a series over time.")
    Map<String, String> tags;

    @Option(names = "--runs-dir", defaultValue = RunsDirOption.DEFAULT, paramLabel = "DIR",
            description = "Where default run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--skip-invalid", description = "Skip and count invalid dataset lines instead of failing.")
    boolean skipInvalid;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of option defaults: keys are long option names without dashes.")
    Path config;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** The plan these options describe, for the given model target. */
    RunSpec.Builder toSpec(Target target) {
        dev.tailgap.harness.protocol.Protocol named = protocol.protocol();
        List<String> stops = stop == null ? named.stop() : stop.stream().filter(s -> !s.isEmpty()).toList();
        PromptTemplate prompt = named.template();
        if (promptFile != null) {
            try {
                prompt = PromptTemplate.fromFile(promptFile);
            } catch (IOException e) {
                throw TailgapException.usage("cannot read prompt file " + promptFile + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(promptFile + ": " + e.getMessage());
            }
        }
        Generation generation = new Generation(Generation.params(temperature,
                maxTokens != null ? maxTokens : named.maxTokens(), stops, genSeed), system, prompt,
                protocol.prompting(named));
        Sampling sampling = new Sampling(dataset, bucketing, minBucketSize, perBucket, limit, seed, skipInvalid);
        Scoring scorerSpec = new Scoring(scorer, scoring.options());
        return execution(RunSpec.builder().model(target.model().toString()).target(t -> target)
                .sampling(s -> sampling).generation(g -> generation).scoring(s -> scorerSpec).out(out)
                .output(o -> o.withTags(tags)), null);
    }

    /**
     * Sets the execution options on {@code b}: all of them when {@code given} is {@code null}, else only those whose
     * long name is in {@code given} (the ones on the command line, when resuming).
     */
    RunSpec.Builder execution(RunSpec.Builder b, Set<String> given) {
        b.execution(e -> {
            Execution x = e;
            if (given == null || given.contains("--concurrency")) {
                x = x.withConcurrency(concurrency);
            }
            if (given == null || given.contains("--timeout")) {
                x = x.withTimeout(seconds("--timeout", timeoutSeconds));
            }
            if (given == null || given.contains("--retries")) {
                x = x.withRetries(retries);
            }
            if (given == null || given.contains("--retry-backoff")) {
                x = x.withRetryBackoff(seconds("--retry-backoff", retryBackoffSeconds));
            }
            if (given == null || given.contains("--max-error-rate")) {
                x = x.withMaxErrorRate(maxErrorRate);
            }
            if (given == null || given.contains("--rpm")) {
                x = x.withRpm(rpm);
            }
            if (given == null || given.contains("--tpm")) {
                x = x.withTpm(tpm);
            }
            return x;
        });
        return b;
    }

    private static Duration seconds(String flag, double s) {
        if (!Double.isFinite(s) || s < 0 || s > Long.MAX_VALUE / 1000.0) {
            throw TailgapException.usage(flag + " must be a number of seconds >= 0, got " + s);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
