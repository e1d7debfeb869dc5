package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.scoring.JudgeAgreements;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.JudgeAgreement;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.format.HtmlReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Writes a run's reports in any {@link ReportFormat} into its directory, each file atomically, reading the item log as
 * a stream (a million-item run is never held in memory): {@value RunDirectory#REPORT_HTML} is written by every
 * completed run, the other formats on request.
 */
public final class RunReports {
    private RunReports() {
    }

    /** The directory's item log as a source read afresh on every pass (no items when there is no log). */
    public static ItemSource source(Path dir) {
        return action -> forEachAt(dir, (r, at) -> action.accept(r));
    }

    /**
     * Streams the results of the directory's item log to {@code action} with the byte offset where each one's line
     * begins ({@link dev.tailgap.reports.ItemLogLookup} reads it there again), keeping none; returns how many.
     */
    public static long forEachAt(Path dir, ObjLongConsumer<ItemResult> action) {
        Path file = dir.resolve(RunDirectory.ITEMS);
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        try (ItemLog.Reader reader = ItemLog.read(file)) {
            for (ItemResult r = RunDirectory.next(reader); r != null; r = RunDirectory.next(reader)) {
                action.accept(r, reader.lineOffset());
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    /** Every result in the directory's item log, in memory (empty when there is none). */
    public static List<ItemResult> items(Path dir) {
        List<ItemResult> out = new ArrayList<>();
        source(dir).forEach(out::add);
        return out;
    }

    /** Streams the results of the directory's item log to {@code action}, keeping none; returns how many. */
    public static long forEach(Path dir, Consumer<ItemResult> action) {
        return forEachAt(dir, (r, at) -> action.accept(r));
    }

    /**
     * The report of a saved run, its item log streamed (memory does not grow with the items); an unfinished run is a
     * usage error unless {@code allowIncomplete} (then the report says INCOMPLETE).
     */
    public static Report report(Path dir, String tool, boolean allowIncomplete) {
        return rebuild(dir, tool, allowIncomplete).report();
    }

    /** A saved run's report and its judge-vs-rule agreement rows, counted in one pass over its item log. */
    public record Rebuilt(Report report, List<JudgeAgreement> agreement) {
        public Rebuilt {
            agreement = List.copyOf(agreement);
        }
    }

    /** Like {@link #report(Path, String, boolean)}, with the agreement rows counted in the same pass. */
    public static Rebuilt rebuild(Path dir, String tool, boolean allowIncomplete) {
        SavedRun saved = SavedRun.read(dir);
        Aggregator aggregator = new Aggregator(saved.bucketing());
        JudgeAgreements.Tally agreement = new JudgeAgreements.Tally(
                saved.bucketing().buckets().stream().map(b -> b.name()).toList());
        saved.requireComplete(dir, forEach(dir, r -> {
            aggregator.add(r);
            agreement.add(r);
        }), allowIncomplete);
        return new Rebuilt(RunMetadataFile.attach(dir, saved.report(aggregator, tool), aggregator.runTotals()),
                agreement.rows());
    }

    /** Writes report.html from the report and the directory's item log; returns its path. */
    public static Path writeHtml(Path dir, Report report) {
        return write(dir, new HtmlReportFormat(), report, source(dir)).get(0);
    }

    /**
     * Writes {@code format}'s files into {@code dir} (the judge-vs-rule agreement is counted for formats that read
     * items, those not {@link ReportFormat#printed printed}); returns their paths in the format's order.
     */
    public static List<Path> write(Path dir, ReportFormat format, Report report, ItemSource items) {
        return write(dir, format, input(format, report, items));
    }

    /** Writes {@code format}'s files of {@code input} into {@code dir}; returns their paths in the format's order. */
    public static List<Path> write(Path dir, ReportFormat format, ReportInput input) {
        RunDirectory rd = new RunDirectory(dir);
        List<Path> written = new ArrayList<>();
        try {
            format.write(input, (file, content) -> {
                rd.writeAtomically(file, content::writeTo);
                written.add(dir.resolve(file));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** What {@code format} renders: agreement rows only for formats that read items. */
    public static ReportInput input(ReportFormat format, Report report, ItemSource items) {
        List<JudgeAgreement> agreement = format.printed() ? List.of()
                : JudgeAgreements.of(report.buckets().stream().map(BucketStats::name).toList(), items);
        return new ReportInput(report, items, agreement);
    }
}
