package dev.tailgap.reports;

import java.io.IOException;
import java.io.Writer;

/**
 * Where a {@link ReportFormat} writes its files: a run directory (each file written atomically), standard output or a
 * test's memory. Contract: {@code file} is a bare file name from the format's {@link ReportFormat#files()}.
 */
@FunctionalInterface
public interface ReportSink {
    /** Writes one file whose text {@code content} produces. */
    void write(String file, Content content) throws IOException;

    /** Text written to a writer that the sink owns: the content must not close it. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }
}
