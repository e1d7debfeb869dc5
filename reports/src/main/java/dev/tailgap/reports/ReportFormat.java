package dev.tailgap.reports;

import java.io.IOException;
import java.util.List;

/**
 * A way to write one run's report, discovered by {@link ReportFormats} with {@link java.util.ServiceLoader}: adding a
 * format is a class implementing this, a line in {@code META-INF/services/dev.tailgap.reports.ReportFormat} and a
 * golden test.
 *
 * <p>Contract: {@link #write} writes exactly the {@link #files()} into the sink, each once; the same input gives the
 * same bytes. A format that {@link #printed() prints} has one file, which {@code tailgap report} shows on standard
 * output instead of writing it.
 */
public interface ReportFormat extends NamedFormat {
    /** The file names this format writes into a run directory, e.g. {@code report.html}. */
    List<String> files();

    /** True when {@code tailgap report --format NAME} prints the one file rather than writing it; false by default. */
    default boolean printed() {
        return false;
    }

    /** Writes the files for {@code input} into {@code sink}. */
    void write(ReportInput input, ReportSink sink) throws IOException;
}
