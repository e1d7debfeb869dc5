package dev.tailgap.harness.engine;

import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.CsvReport;
import dev.tailgap.reports.GateResult;
import dev.tailgap.reports.HtmlReport;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.harness.scoring.JudgeAgreements;
import dev.tailgap.reports.JUnitReport;
import dev.tailgap.reports.JudgeAgreement;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the file reports that need a run's item results as well as its {@link Report}: {@value #HTML} (written by
 * every completed run), and on request {@value #BUCKETS_CSV} + {@value #ITEMS_CSV} and {@value #JUNIT_XML}. Each file
 * is written atomically into the run directory.
 */
public final class RunReports {
    public static final String HTML = RunDirectory.REPORT_HTML;
    public static final String BUCKETS_CSV = "buckets.csv";
    public static final String ITEMS_CSV = "items.csv";
    public static final String JUNIT_XML = "junit.xml";

    private RunReports() {
    }

    /** Every result in the directory's item log (empty when there is none). */
    public static List<ItemResult> items(Path dir) {
        List<ItemResult> out = new ArrayList<>();
        forEach(dir, out::add);
        return out;
    }

    /** Streams the results of the directory's item log to {@code action}, keeping none; returns how many. */
    public static long forEach(Path dir, Consumer<ItemResult> action) {
        Path file = dir.resolve(RunDirectory.ITEMS);
        long n = 0;
        if (Files.exists(file)) {
            try (ItemLog.Reader reader = ItemLog.read(file)) {
                for (ItemResult r = RunDirectory.next(reader); r != null; r = RunDirectory.next(reader)) {
                    action.accept(r);
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return n;
    }

    /**
     * The report of a saved run, its item log streamed (memory does not grow with the items); an unfinished run is a
     * usage error unless {@code allowIncomplete} (then the report says INCOMPLETE).
     */
    public static Report report(Path dir, String tool, boolean allowIncomplete) {
        SavedRun saved = SavedRun.read(dir);
        Aggregator aggregator = new Aggregator(saved.bucketing());
        saved.requireComplete(dir, forEach(dir, aggregator::add), allowIncomplete);
        return RunMetadataFile.attach(dir, saved.report(aggregator, tool), aggregator.runTotals());
    }

    /** Writes report.html from the report and the directory's item log; returns its path. */
    public static Path writeHtml(Path dir, Report report) {
        return writeHtml(dir, report, items(dir));
    }

    /** Writes report.html from the report and its item results (with the judge-vs-rule table when judged). */
    public static Path writeHtml(Path dir, Report report, List<ItemResult> items) {
        List<String> buckets = report.buckets().stream().map(BucketStats::name).toList();
        List<JudgeAgreement> agreement = JudgeAgreements.of(buckets, items);
        new RunDirectory(dir).writeAtomically(HTML, w -> HtmlReport.write(report, items, agreement, w));
        return dir.resolve(HTML);
    }

    /** Writes buckets.csv and items.csv; returns their paths. */
    public static List<Path> writeCsv(Path dir, Report report, List<ItemResult> items) {
        RunDirectory rd = new RunDirectory(dir);
        rd.writeAtomically(BUCKETS_CSV, CsvReport.buckets(report));
        rd.writeAtomically(ITEMS_CSV, w -> CsvReport.items(report, items, w));
        return List.of(dir.resolve(BUCKETS_CSV), dir.resolve(ITEMS_CSV));
    }

    /** Writes junit.xml with a test case per bucket and one per gate result; returns its path. */
    public static Path writeJUnit(Path dir, Report report, List<GateResult> gates) {
        new RunDirectory(dir).writeAtomically(JUNIT_XML, JUnitReport.render(report, gates));
        return dir.resolve(JUNIT_XML);
    }
}
