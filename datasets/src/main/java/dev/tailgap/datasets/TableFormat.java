package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A table format plug-in: reads the rows of one kind of file (CSV, JSON, Parquet, ...) for the importers.
 *
 * <p>Contract: {@link #name()} is unique among the formats on the class path (see {@link TableFormats});
 * {@link #read} hands every row to the sink in file order with its 1-based line (for formats without lines, such as
 * Parquet, the 1-based row number), cell values being {@code String}, {@code Number}, {@code Boolean}, {@code List},
 * {@code Map} or {@code null}; a problem with one row goes to {@link RowSink#problem} and reading goes on; a problem
 * that stops reading (a broken quote, truncated JSON) is thrown as a {@link DatasetException} with its location.
 * Messages name the file, line and field and never carry a library's internals. Plug-ins are listed in
 * {@code META-INF/services/dev.tailgap.datasets.TableFormat}.
 */
public interface TableFormat {

    /** The name used with {@code --format}, e.g. {@code csv}. */
    String name();

    /** File name endings this format claims, lower case with the dot, e.g. {@code .csv}. */
    List<String> extensions();

    /** Whether the first bytes of a file ({@code head}, up to 64 KiB) look like this format. */
    boolean sniff(byte[] head);

    /** Reads {@code file}, passing each row to {@code sink}. */
    void read(Path file, TableOptions options, RowSink sink) throws DatasetException, IOException;

    /** Receives the rows of a table. */
    interface RowSink {
        /** The column names, once, before the first row (formats with a header or schema). */
        void header(List<String> columns);

        /** One row: its cells by column name, in column order. */
        void row(long line, Map<String, Object> cells);

        /** A problem with one row or cell; reading goes on. */
        void problem(long line, String field, String message);
    }
}
