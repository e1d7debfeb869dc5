package dev.tailgap.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option list of {@code tailgap run --help} (and {@code demo}, which shares its options) in groups with headings,
 * in the order a user sets a run up: model and endpoint, dataset and sampling, prompt, generation and scoring,
 * execution, output. Options of no group (help, version) come last under "Other".
 */
final class OptionGroups {
    /** Heading to the long option names it holds, in display order. */
    static final Map<String, List<String>> GROUPS = groups();

    private OptionGroups() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Model and endpoint", List.of("--model", "--base-url", "--api-key-env", "--api", "--option",
                "--sim-midpoint", "--sim-steepness", "--sim-floor", "--sim-ceiling", "--sim-hallucination",
                "--sim-seed", "--latency-ms"));
        g.put("Dataset and sampling", List.of("--dataset", "--bucketing", "--min-bucket-size", "--per-bucket",
                "--limit", "--seed", "--skip-invalid"));
        g.put("Prompt, generation and scoring", List.of("--prompt-file", "--system", "--temperature",
                "--max-tokens", "--stop", "--gen-seed", "--scorer", "--scorer-option", "--hedged", "--judge-model",
                "--judge-base-url", "--judge-api-key-env", "--judge-rpm"));
        g.put("Execution", List.of("--concurrency", "--timeout", "--retries", "--retry-backoff", "--rpm", "--tpm",
                "--max-error-rate", "--parallel-models", "--resume", "--no-cache", "--cache-dir", "--cache-reuse",
                "--cache-sampled"));
        g.put("Output", List.of("--out", "--runs-dir", "--tag", "--price-in", "--price-out", "--prices", "--config",
                "--quiet"));
        return g;
    }

    /** Renders {@code cli}'s option list in the groups. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, OptionGroups::render);
    }

    private static String render(CommandLine.Help help) {
        List<OptionSpec> all = help.commandSpec().options();
        List<OptionSpec> left = new ArrayList<>(all);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            List<OptionSpec> in = new ArrayList<>();
            for (String name : group.getValue()) {
                all.stream().filter(o -> o.longestName().equals(name)).findFirst().ifPresent(in::add);
            }
            left.removeAll(in);
            section(sb, help, group.getKey(), in, all);
        }
        section(sb, help, "Other", left, all);
        return sb.toString();
    }

    private static void section(StringBuilder sb, CommandLine.Help help, String heading, List<OptionSpec> options,
                                List<OptionSpec> all) {
        if (options.isEmpty()) {
            return;
        }
        CommandLine.Help.Layout layout = help.createDefaultLayout(all, List.of(), help.colorScheme());
        layout.addOptions(options, help.parameterLabelRenderer());
        sb.append(String.format("%n%s:%n", heading)).append(layout);
    }
}
