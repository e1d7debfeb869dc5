package dev.tailgap.harness.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailgap run}: ask a model every (sampled) item of a dataset and report accuracy by frequency bucket. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Ask a model the dataset's questions, score the answers and report accuracy, hallucination "
                + "and abstention per frequency bucket, head vs tail.",
                "Rerunning the same command resumes an interrupted run in the same run directory."})
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "PROVIDER:MODEL",
            description = "e.g. openai:gpt-4o-mini, openai:Qwen/Qwen2.5-7B-Instruct with --base-url (see: tailgap "
                    + "list adapters).")
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

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        Map<String, String> opts = new LinkedHashMap<>(options == null ? Map.of() : options);
        if (api != null) {
            opts.put("api", api);
        }
        return Runner.run(run.toSpec(model, baseUrl, apiKeyEnv, opts).build(), run.runsDir, run.quiet,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
