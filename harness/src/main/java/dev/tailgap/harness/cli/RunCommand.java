package dev.tailgap.harness.cli;

import dev.tailgap.harness.ProgramName;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.plan.Target;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunState;
import dev.tailgap.harness.engine.RunSpecFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailgap run}: ask a model every (sampled) item of a dataset and report accuracy by frequency bucket. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Ask a model the dataset's questions, score the answers and report accuracy, hallucination "
                + "and abstention per frequency bucket, head vs tail.",
                "An interrupted run continues where it stopped, asking no finished item again: rerun the same "
                        + "command, or give --resume RUN_DIR.",
                "Answers are kept in a response cache, so the same request is never paid for twice."})
final class RunCommand implements Callable<Integer> {
    /** Options that --resume may change: how to run, never what is asked or how it is scored. */
    private static final Set<String> RESUMABLE = Set.of("--resume", "--concurrency", "--timeout", "--retries",
            "--retry-backoff", "--max-error-rate", "--rpm", "--tpm", "--cache-sampled", "--no-cache", "--cache-dir",
            "--cache-reuse",
            "--quiet", "--config", "--base-url");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER:MODEL",
            description = "e.g. openai:gpt-4o-mini, openai:Qwen/Qwen2.5-7B-Instruct with --base-url (see: tailgap "
                    + "list adapters). Required unless --resume is given.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Endpoint base URL, e.g. http://127.0.0.1:8000/v1 (vLLM), http://127.0.0.1:8080/v1 "
                    + "(llama-server), http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio).")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the API key (keys are never read from flags or files).")
    String apiKeyEnv;

    @Option(names = "--api", paramLabel = "chat|completions",
            description = "For openai: call /chat/completions (default) or /completions.")
    String api;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", split = "\u001f",
            description = "Provider-specific option, repeatable.")
    Map<String, String> options;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR with the settings recorded in its spec.json. Only how it runs "
                    + "may change: the execution options, --base-url and the cache options.")
    Path resume;

    @Option(names = "--no-cache", description = "Neither read nor fill the response cache.")
    boolean noCache;

    @Option(names = "--cache-sampled",
            description = "Also answer sampled requests (temperature > 0 without --gen-seed) from the cache.")
    boolean cacheSampled;

    @Option(names = "--cache-reuse", paramLabel = "identity|always|never", defaultValue = "identity",
            description = "Which cached answers may be served: identity (default) only those recorded while the "
                    + "endpoint reported the same served model (reply model, system_fingerprint, /v1/models, /props, "
                    + "Ollama digest), none when it reports nothing; always any answer to the same request, whatever "
                    + "model gave it (risk: a model swapped behind the same URL replays the old one's answers); never "
                    + "none.")
    String cacheReuse;

    @Mixin
    CacheOptions cache;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        RunSpec runSpec = resume != null ? resumed() : fresh();
        if (noCache) {
            return Runner.run(runSpec, run.runsDir, run.quiet, null, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        try (ResponseCache responses = ResponseCache.open(cache.dir())) {
            return Runner.run(runSpec, run.runsDir, run.quiet, responses, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    private RunSpec fresh() {
        if (model == null) {
            throw TailgapException.usage(ProgramName.get() + " run needs -m PROVIDER:MODEL (or --resume RUN_DIR)");
        }
        Map<String, String> opts = new LinkedHashMap<>(options == null ? Map.of() : options);
        if (api != null) {
            opts.put("api", api);
        }
        Target target = new Target(Target.of(model).model(), baseUrl, apiKeyEnv, opts, null);
        RunSpec.Builder b = run.toSpec(target).execution(e -> e.withCacheSampled(cacheSampled)
                .withCacheReuse(reuse()));
        Path replayed = ReplayDefaults.runOf(model);
        if (replayed != null) {
            ReplayDefaults.apply(b, replayed, givenOptions());
        }
        return b.build();
    }

    private CacheReuse reuse() {
        try {
            return CacheReuse.parse(cacheReuse);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("--cache-reuse: " + e.getMessage());
        }
    }

    private Set<String> givenOptions() {
        Set<String> given = new TreeSet<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            given.add(o.longestName());
        }
        return given;
    }

    /** The recorded spec with the execution options given on the command line. */
    private RunSpec resumed() {
        Set<String> given = givenOptions();
        List<String> refused = given.stream().filter(n -> !RESUMABLE.contains(n)).toList();
        if (!refused.isEmpty()) {
            throw TailgapException.usage("with --resume the run's settings come from " + resume.resolve("spec.json")
                    + "; " + String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
                    + " not allowed (only how it runs may change: " + String.join(", ", new TreeSet<>(RESUMABLE))
                    + ")");
        }
        RunSpec.Builder b = run.execution(RunSpecFile.read(resume).toBuilder(), given);
        if (given.contains("--base-url")) {
            b.target(t -> t.withBaseUrl(baseUrl));
        } else if (RunSpecFile.baseUrlRedacted(resume)) {
            throw TailgapException.usage("the base URL of " + resume + " held credentials, which were not recorded: "
                    + "give it again with --base-url");
        }
        if (cacheSampled) {
            b.execution(e -> e.withCacheSampled(true));
        }
        if (given.contains("--cache-reuse")) {
            b.execution(e -> e.withCacheReuse(reuse()));
        }
        RunState state = new RunDirectory(resume).state();
        if (state != null && state.complete()) {
            throw TailgapException.usage(resume + " holds a finished run: there is nothing to resume (rerun the "
                    + "command without --resume to start a new run, which goes to a new directory)");
        }
        return b.build();
    }
}
