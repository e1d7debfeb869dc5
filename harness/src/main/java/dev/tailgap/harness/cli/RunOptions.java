package dev.tailgap.harness.cli;

import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
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
    @Option(names = {"-d", "--dataset"}, defaultValue = RunSpec.DEFAULT_DATASET, paramLabel = "NAME|FILE",
            description = "Bundled dataset name or JSONL file (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--bucketing", paramLabel = "SCHEME",
            description = "mass:K, log10, quantile:K or edges:a,b,... (default: the dataset manifest's).")
    String bucketing;

    @Option(names = "--min-bucket-size", defaultValue = "30", paramLabel = "N",
            description = "Flag buckets with fewer scored items (default: ${DEFAULT-VALUE}).")
    int minBucketSize;

    @Option(names = "--per-bucket", paramLabel = "N", description = "Sample at most N items per bucket.")
    Integer perBucket;

    @Option(names = "--limit", paramLabel = "N", description = "Ask at most N items in all.")
    Integer limit;

    @Option(names = "--seed", defaultValue = "1234", paramLabel = "S",
            description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prompt-file", paramLabel = "FILE",
            description = "Prompt template with {question}, {concept}, {relation} (default: the built-in zero-shot "
                    + "prompt that allows \"unsure\").")
    Path promptFile;

    @Option(names = "--system", paramLabel = "TEXT", description = "System message.")
    String system;

    @Option(names = "--scorer", defaultValue = "contains", paramLabel = "NAME",
            description = "contains, exact, f1, regex, judge or a plug-in (see: tailgap list scorers; default: "
                    + "${DEFAULT-VALUE}).")
    String scorer;

    @Mixin
    ScoringFlags scoring;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", defaultValue = "32", paramLabel = "N",
            description = "Max tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--stop", paramLabel = "SEQ", split = "\u001f",
            description = "Stop sequence, repeatable (default: newline). --stop '' sends none.")
    List<String> stop;

    @Option(names = "--gen-seed", paramLabel = "S", description = "Generation seed sent to the endpoint.")
    Long genSeed;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "8", paramLabel = "N",
            description = "Requests in flight at most; halved while the endpoint answers 429 and raised again as "
                    + "requests succeed (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--retries", defaultValue = "10", paramLabel = "N",
            description = "Retries of a retryable failure: 429, 5xx, timeout, dropped connection, malformed reply "
                    + "(default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-backoff", defaultValue = "0.5", paramLabel = "SECONDS",
            description = "Wait before the first retry when the endpoint gives no Retry-After; doubled for each "
                    + "further retry, with jitter, at most 30 s (default: ${DEFAULT-VALUE}).")
    double retryBackoffSeconds;

    @Option(names = "--rpm", paramLabel = "N", description = "At most N requests per minute (default: no limit).")
    Integer rpm;

    @Option(names = "--tpm", paramLabel = "N",
            description = "At most N tokens per minute: estimated before each request (characters / 4 + "
                    + "--max-tokens), corrected with the endpoint's counts after (default: no limit).")
    Integer tpm;

    @Option(names = "--max-error-rate", defaultValue = "0.02", paramLabel = "F",
            description = "Fail the run (exit 4) when more than this fraction of items end in ERROR "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxErrorRate;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: RUNS/<dataset>__<model>__<hash>).")
    Path out;

    @Option(names = "--runs-dir", defaultValue = "runs", paramLabel = "DIR",
            description = "Where default run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--skip-invalid", description = "Skip and count invalid dataset lines instead of failing.")
    boolean skipInvalid;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of option defaults: keys are long option names without dashes.")
    Path config;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** Builds a spec, turning a setting out of range into a usage error. */
    static RunSpec build(RunSpec.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }

    /** The spec these options describe, for the given model and endpoint. */
    RunSpec.Builder toSpec(String model, String baseUrl, String apiKeyEnv, Map<String, String> options) {
        List<String> stops = stop == null ? List.of("\n") : stop.stream().filter(s -> !s.isEmpty()).toList();
        GenerationParams params;
        try {
            params = new GenerationParams(temperature, maxTokens, stops, genSeed);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
        PromptTemplate prompt = PromptTemplate.defaults();
        if (promptFile != null) {
            try {
                prompt = PromptTemplate.fromFile(promptFile);
            } catch (IOException e) {
                throw TailgapException.usage("cannot read prompt file " + promptFile + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(promptFile + ": " + e.getMessage());
            }
        }
        return execution(RunSpec.builder().dataset(dataset).model(model).baseUrl(baseUrl).apiKeyEnv(apiKeyEnv)
                .options(options == null ? Map.of() : new LinkedHashMap<>(options)).params(params).system(system)
                .prompt(prompt).scorer(scorer).scoring(scoring.options()).bucketing(bucketing)
                .minBucketSize(minBucketSize)
                .perBucket(perBucket).limit(limit).seed(seed).out(out).skipInvalid(skipInvalid), null);
    }

    /**
     * Sets the execution options on {@code b}: all of them when {@code given} is {@code null}, else only those whose
     * long name is in {@code given} (the ones on the command line, when resuming).
     */
    RunSpec.Builder execution(RunSpec.Builder b, Set<String> given) {
        if (given == null || given.contains("--concurrency")) {
            b.concurrency(concurrency);
        }
        if (given == null || given.contains("--timeout")) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > RunSpec.MAX_TIMEOUT.toSeconds()) {
                throw TailgapException.usage("--timeout must be above 0 and at most " + RunSpec.MAX_TIMEOUT.toSeconds()
                        + " seconds");
            }
            b.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
        }
        if (given == null || given.contains("--retries")) {
            b.retries(retries);
        }
        if (given == null || given.contains("--retry-backoff")) {
            if (!(retryBackoffSeconds >= 0) || retryBackoffSeconds > 3600) {
                throw TailgapException.usage("--retry-backoff must be between 0 and 3600 seconds");
            }
            b.retryBackoff(Duration.ofMillis((long) (retryBackoffSeconds * 1000)));
        }
        if (given == null || given.contains("--max-error-rate")) {
            b.maxErrorRate(maxErrorRate);
        }
        if (given == null || given.contains("--rpm")) {
            b.rpm(rpm);
        }
        if (given == null || given.contains("--tpm")) {
            b.tpm(tpm);
        }
        return b;
    }
}
