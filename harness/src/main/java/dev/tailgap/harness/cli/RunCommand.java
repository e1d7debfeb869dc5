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
import dev.tailgap.reports.Prices;
import java.nio.file.Path;
import java.util.ArrayList;
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
@Command(name = "run", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
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
            "--quiet", "--config", "--base-url", "--price-in", "--price-out", "--prices");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "PROVIDER:MODEL",
            description = "e.g. openai:gpt-4o-mini, openai:Qwen/Qwen2.5-7B-Instruct with --base-url (see: tailgap "
                    + "list adapters). Required unless --resume is given.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", split = "\u001f",
            description = "Endpoint base URL, e.g. http://127.0.0.1:8000/v1 (vLLM), http://127.0.0.1:8080/v1 "
                    + "(llama-server), http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio). "
                    + "Repeat it for replicas of one model: each request goes to the replica with the fewest in "
                    + "flight, and every replica must serve the same model (--concurrency is the total).")
    List<String> baseUrls;

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

    @Option(names = "--parallel-models", paramLabel = "N", defaultValue = "1",
            description = "With a models list in --config: run at most N models at once (default: ${DEFAULT-VALUE}).")
    int parallelModels;

    @Mixin
    CacheOptions cache;

    @Mixin
    PriceOptions prices;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        List<ModelList.Entry> models = run.config == null ? List.of() : ModelList.read(run.config);
        if (!models.isEmpty()) {
            if (noCache) {
                return sweep(models, null);
            }
            try (ResponseCache responses = ResponseCache.open(cache.dir())) {
                return sweep(models, responses);
            }
        }
        RunSpec runSpec = resume != null ? resumed() : fresh(model, baseUrls, apiKeyEnv, api, options);
        if (noCache) {
            return Runner.run(runSpec, run.runsDir, run.quiet, null, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        try (ResponseCache responses = ResponseCache.open(cache.dir())) {
            return Runner.run(runSpec, run.runsDir, run.quiet, responses, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    /**
     * Every model of the config's list with the other settings, each into its own run directory ({@code --out DIR}:
     * {@code DIR/<model>}, and the comparison in {@code DIR/comparison}), then the comparison of their runs; the
     * runs share {@code responses} ({@code null}: no cache).
     */
    private int sweep(List<ModelList.Entry> models, ResponseCache responses) {
        if (resume != null || givenOptions().contains("--model") || model != null) {
            throw TailgapException.usage(run.config + " lists models: give neither -m nor --resume with it (rerun "
                    + "the same command to resume the runs)");
        }
        List<String> dirs = new ArrayList<>();
        List<ModelSweep.Plan> plans = new ArrayList<>();
        for (ModelList.Entry m : models) {
            RunSpec.Builder b;
            try {
                b = fresh(m.model(), !m.baseUrls().isEmpty() ? m.baseUrls() : baseUrls,
                        m.apiKeyEnv() != null ? m.apiKeyEnv() : apiKeyEnv, m.api() != null ? m.api() : api,
                        merged(options, m.options())).toBuilder();
            } catch (TailgapException | dev.tailgap.harness.plan.PlanException e) {
                throw TailgapException.usage(m.origin() + ": " + e.getMessage());
            }
            if (run.out != null) {
                String dir = m.model().replaceAll("[^A-Za-z0-9._-]+", "-");
                while (dirs.contains(dir)) {
                    dir = dir + "-" + (dirs.size() + 1);
                }
                dirs.add(dir);
                b.out(run.out.resolve(dir));
            }
            RunSpec plan = b.build();
            plans.add(new ModelSweep.Plan(m.model() + (m.baseUrls().isEmpty() ? "" : " at "
                    + String.join(", ", m.baseUrls())),
                    (quiet, out, err) -> Runner.ran(plan, run.runsDir, quiet || run.quiet, responses, out, err)));
        }
        Path comparison = run.out != null ? run.out.resolve("comparison")
                : run.runsDir.resolve("comparison-" + run.config.getFileName().toString().replaceFirst("\\.[^.]*$",
                        ""));
        return ModelSweep.run(plans, parallelModels, run.quiet, comparison, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private static Map<String, String> merged(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new LinkedHashMap<>(common == null ? Map.of() : common);
        all.putAll(own);
        return all;
    }

    private RunSpec fresh(String model, List<String> baseUrls, String apiKeyEnv, String api,
                          Map<String, String> options) {
        if (model == null) {
            throw TailgapException.usage(ProgramName.get() + " run needs -m PROVIDER:MODEL (or --resume RUN_DIR)");
        }
        Map<String, String> opts = new LinkedHashMap<>(options == null ? Map.of() : options);
        if (api != null) {
            opts.put("api", api);
        }
        Target target = new Target(Target.of(model).model(), baseUrls, apiKeyEnv, opts, null);
        Prices price = prices.of(model);
        RunSpec.Builder b = run.toSpec(target).execution(e -> e.withCacheSampled(cacheSampled)
                .withCacheReuse(reuse())).output(o -> o.withPrices(price));
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
            b.target(t -> t.withBaseUrls(baseUrls));
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
        if (given.stream().anyMatch(List.of(PriceOptions.NAMES)::contains)) {
            Prices price = prices.of(RunSpecFile.read(resume).target().model().toString());
            b.output(o -> o.withPrices(price));
        }
        RunState state = new RunDirectory(resume).state();
        if (state != null && state.complete()) {
            throw TailgapException.usage(resume + " holds a finished run: there is nothing to resume (rerun the "
                    + "command without --resume to start a new run, which goes to a new directory)");
        }
        return b.build();
    }
}
