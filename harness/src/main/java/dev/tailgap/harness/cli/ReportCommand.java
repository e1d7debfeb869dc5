package dev.tailgap.harness.cli;

import dev.tailgap.harness.Version;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.SavedRun;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.TerminalTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap report RUN_DIR}: rebuild a run's reports from its item log, without calling any model. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild a run's reports from its saved item log (no model is called) and print the table.")
final class ReportCommand implements Callable<Integer> {
    enum Format { table, json, markdown }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by tailgap run or demo.")
    Path dir;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "What to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-write", description = "Only print; do not rewrite report.json and report.md.")
    boolean noWrite;

    @Override
    public Integer call() {
        Report report = SavedRun.read(dir).report(dir, Version.tool());
        if (!noWrite) {
            RunDirectory rd = new RunDirectory(dir);
            rd.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
            rd.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
        }
        String text;
        switch (format) {
            case json:
                text = JsonReport.render(report);
                break;
            case markdown:
                text = MarkdownReport.render(report);
                break;
            default:
                text = TerminalTable.render(report);
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
