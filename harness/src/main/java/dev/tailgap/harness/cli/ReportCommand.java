package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.engine.Rebucketing;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.JudgeAgreement;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportFormats;
import dev.tailgap.reports.format.HtmlReportFormat;
import dev.tailgap.reports.format.JsonReportFormat;
import dev.tailgap.reports.format.MarkdownReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
                "table, json and markdown print the report; html, csv, junit and other formats on the class path "
                        + "write files into RUN_DIR (report.html; buckets.csv and items.csv; junit.xml) and print "
                        + "their paths. tailgap list formats shows them all."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by tailgap run or demo.")
    Path dir;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "A report format: table, json, markdown (md), html, csv, junit, or any other that tailgap "
                    + "list formats shows (default: ${DEFAULT-VALUE}).")
    String format;

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
        ReportFormat chosen;
        try {
            chosen = ReportFormats.get(format);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw TailgapException.usage("--format: " + e.getMessage());
        }
        ItemSource items = RunReports.source(dir);
        Report report;
        List<JudgeAgreement> agreement = null; // counted with the report, else by each format that reads items
        if (bucketing != null) {
            if (!chosen.printed()) {
                throw TailgapException.usage("--bucketing prints table, json or markdown only; to write "
                        + chosen.name() + " files of a re-bucketed run: tailgap rescore " + dir
                        + " --scorer NAME --bucketing " + bucketing + ", then tailgap report on the new directory");
            }
            noWrite = true;
            long[] asked = {0};
            items.forEach(r -> asked[0]++);
            SavedRun.read(dir).requireComplete(dir, asked[0], allowIncomplete);
            report = Rebucketing.report(dir, items, bucketing, Version.tool());
        } else {
            RunReports.Rebuilt rebuilt = RunReports.rebuild(dir, Version.tool(), allowIncomplete);
            report = rebuilt.report();
            agreement = rebuilt.agreement();
        }
        List<Path> written = new ArrayList<>();
        if (!noWrite) {
            for (ReportFormat standard : List.of(new JsonReportFormat(), new MarkdownReportFormat(),
                    new HtmlReportFormat())) {
                List<Path> files = RunReports.write(dir, standard, input(standard, report, items, agreement));
                if (!chosen.printed() && standard.name().equals(chosen.name())) {
                    written.addAll(files);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (chosen.printed()) {
            try {
                chosen.write(input(chosen, report, items, agreement), (file, content) -> content.writeTo(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (written.isEmpty()) {
            written.addAll(RunReports.write(dir, chosen, input(chosen, report, items, agreement)));
        }
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.flush();
        return 0;
    }

    /** What {@code format} renders, with the agreement rows already counted when there are ({@code null}: not). */
    private static ReportInput input(ReportFormat format, Report report, ItemSource items,
                                     List<JudgeAgreement> agreement) {
        return agreement == null ? RunReports.input(format, report, items)
                : new ReportInput(report, items, format.printed() ? List.of() : agreement);
    }
}
