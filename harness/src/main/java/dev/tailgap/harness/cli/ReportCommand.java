package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.engine.Rebucketing;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.harness.engine.SavedRun;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.TerminalTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap report RUN_DIR}: rebuild a run's reports from its item log, without calling any model. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild a run's reports from its saved item log (no model is called).",
                "table, json and markdown print the report; html, csv and junit write files into RUN_DIR "
                        + "(report.html; buckets.csv and items.csv; junit.xml) and print their paths."})
final class ReportCommand implements Callable<Integer> {
    /** The output formats; {@code md} is another spelling of {@code markdown}. */
    enum Format { table, json, markdown, md, html, csv, junit }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by tailgap run or demo.")
    Path dir;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-write", description = "Do not rewrite report.json, report.md and report.html.")
    boolean noWrite;

    @Option(names = "--allow-incomplete", description = "Report an unfinished run (killed, stopped, or the endpoint "
            + "failed) as it is; every output is then marked INCOMPLETE. Without it such a run is refused (exit 2).")
    boolean allowIncomplete;

    @Option(names = "--bucketing", paramLabel = "SCHEME",
            description = "Re-bucket the saved run (edges from the whole dataset, which must be readable) and print "
                    + "the report (table, json or markdown); the run's own files are left alone. To keep the "
                    + "re-bucketed run: tailgap rescore RUN_DIR --scorer NAME --bucketing SCHEME.")
    String bucketing;

    @Override
    public Integer call() {
        SavedRun.read(dir); // a clear error for a directory that is not a run, before reading anything else
        if (bucketing != null) {
            if (format == Format.html || format == Format.csv || format == Format.junit) {
                throw TailgapException.usage("--bucketing prints table, json or markdown only; to write "
                        + format + " files of a re-bucketed run: tailgap rescore " + dir
                        + " --scorer NAME --bucketing " + bucketing + ", then tailgap report on the new directory");
            }
            noWrite = true;
        }
        List<ItemResult> items = bucketing != null ? RunReports.items(dir) : null; // else streamed, none kept
        if (bucketing != null) {
            SavedRun.read(dir).requireComplete(dir, items.size(), allowIncomplete);
        }
        Report report = bucketing == null ? RunReports.report(dir, Version.tool(), allowIncomplete)
                : Rebucketing.report(dir, items, bucketing, Version.tool());
        List<Path> written = new ArrayList<>();
        if (!noWrite) {
            RunDirectory rd = new RunDirectory(dir);
            rd.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
            rd.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
            Path html = RunReports.writeHtml(dir, report);
            if (format == Format.html) {
                written.add(html);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(JsonReport.render(report));
            case markdown, md -> out.print(MarkdownReport.render(report));
            case table -> out.print(TerminalTable.render(report));
            case html -> {
                if (written.isEmpty()) {
                    written.add(RunReports.writeHtml(dir, report));
                }
            }
            case csv -> written.addAll(RunReports.writeCsv(dir, report, RunReports.items(dir)));
            case junit -> written.add(RunReports.writeJUnit(dir, report, List.of()));
        }
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.flush();
        return 0;
    }
}
