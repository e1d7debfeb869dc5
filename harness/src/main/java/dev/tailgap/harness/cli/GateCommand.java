package dev.tailgap.harness.cli;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.gate.Gate;
import dev.tailgap.harness.gate.GateFiles;
import dev.tailgap.harness.gate.RulesFile;
import dev.tailgap.harness.gate.RunResults;
import dev.tailgap.harness.history.Baselines;
import dev.tailgap.harness.history.GateRecord;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.GateTerminal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tailgap gate RUN_DIR}: applies gate rules to a saved run (and a baseline run) without calling any model,
 * prints one line per rule and exits 3 when a rule fails. See {@link Gate} for the rules' semantics.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Check a saved run against rules for CI: exit 0 when every rule passes, 3 when one fails. "
                + "No model is called.",
                "",
                "Rules read SUBJECT.METRIC[.lower|.upper] OP NUMBER, e.g. 'tail.accuracy >= 0.30', "
                        + "'tail.accuracy.lower >= 0.25', 'gap.accuracy <= 0.25', 'tail.hallucination <= 0.40', "
                        + "'errors.rate <= 0.01', 'buckets.minSize >= 10', 'slope.perDecade >= 0.05'. "
                        + "head and tail are the buckets the report's gap compares; overall is every item.",
                "",
                "Against --baseline: 'tail.accuracy.drop <= 0.02' or 'tail.hallucination.rise <= 0.02' pair the "
                        + "items scored in both runs and fail only when the change exceeds the tolerance AND a "
                        + "one-sided exact McNemar test (Holm-adjusted across these rules) finds it significant "
                        + "at --alpha; '.lower'/'.upper' compare a bound of the change's 95%% interval instead."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every rule passed", "  2  usage error: bad rule, rules file, run directory or baseline, or an "
                + "unfinished run without --allow-incomplete", "  3  a rule failed"})
final class GateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "The run directory to check (written by tailgap run or demo).")
    Path dir;

    @Option(names = "--baseline", paramLabel = "RUN_DIR|latest:TAG",
            description = "A run on the same dataset to compare with (needed by .drop and .rise rules), or "
                    + "latest:KEY=VALUE / latest:KEY: the last passing run with that tag in the runs index (the latest "
                    + "whose own gate passed; if none was gated, the latest complete one).")
    String baseline;

    @Mixin
    RunsDirOption runs;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML file with a 'rules' list (and optionally 'alpha').")
    Path rulesFile;

    @Option(names = "--rule", paramLabel = "EXPR", split = "\u001f",
            description = "A rule, repeatable; added to those of --rules.")
    List<String> rules;

    @Option(names = "--alpha", paramLabel = "A",
            description = "Significance level of the baseline rules (default: the rules file's, else 0.05).")
    Double alpha;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per rule.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the summary as Markdown.")
    Path markdown;

    @Option(names = "--allow-incomplete", description = "Gate an unfinished run (or baseline) as it is; the output "
            + "then says INCOMPLETE, and errors.rate counts the planned items never asked. Without it such a run is "
            + "refused (exit 2).")
    boolean allowIncomplete;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file with defaults for these options (keys are the long option names).")
    Path config;

    @Override
    public Integer call() {
        RulesFile rules = RulesFile.collect(rulesFile, this.rules, "--rule");
        RunResults run = RunResults.read(dir, allowIncomplete);
        Path basePath = baseline == null ? null : Baselines.resolve(baseline, dir, runs.runsDir);
        RunResults base = basePath == null ? null : RunResults.read(basePath, allowIncomplete);
        GateReport report = Gate.evaluate(rules.rules(), run, base, rules.alpha(alpha));
        if (baseline != null && Baselines.isLatest(baseline)) {
            spec.commandLine().getOut().println("baseline " + baseline + ": " + basePath);
        }
        spec.commandLine().getOut().print(GateTerminal.render(report));
        spec.commandLine().getOut().flush();
        GateRecord.record(dir, report, baseline, spec.commandLine().getErr());
        GateFiles.write(report, junit, markdown, System.getenv("GITHUB_STEP_SUMMARY"));
        return report.passed() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
    }
}
