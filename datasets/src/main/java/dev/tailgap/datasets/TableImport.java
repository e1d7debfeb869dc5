package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a table-shaped import: each input is read in its {@link TableFormat} and each row mapped to an item by a
 * {@link RowMapper}, all through one {@link ImportSink}, so every importer reports problems, refuses repeated ids and
 * derives versions the same way.
 */
final class TableImport {

    /** Maps the rows of one input file to items. */
    interface RowMapper {
        /**
         * Checks the columns before any row: the header of a delimited or Parquet file ({@code fixed}), else the
         * keys of the first row. Reports problems through {@code problems}; any problem stops this input.
         */
        void columns(List<String> columns, boolean fixed, ColumnProblems problems);

        /** Whether the row passes the import's filter. */
        default boolean keep(Map<String, Object> row) {
            return true;
        }

        /** The row's item, or {@code null} when {@code cells} reported a problem. */
        Item map(Map<String, Object> row, Cells cells);

        /** The column the id comes from, named in duplicate-id problems. */
        String idField();
    }

    /** Receives column problems. */
    interface ColumnProblems {
        void problem(String column, String message);
    }

    private TableImport() {
    }

    /**
     * Imports every input of {@code request} (format from {@code --format}, the name or the content; delimiter from
     * {@code --delimiter}) with the mapper {@code mappers} makes for it; {@code quoting} says whether a delimited
     * input uses quotes.
     */
    static ImportResult run(ImportRequest request, Function<Path, RowMapper> mappers,
                            Function<Path, Boolean> quoting, Function<String, Manifest> manifest)
            throws DatasetException, IOException {
        Character delimiter = TableOptions.parseDelimiter(request.option("delimiter"));
        String what = request.inputs().size() == 1 ? request.inputs().get(0).toString()
                : request.inputs().size() + " files";
        try (ImportSink sink = new ImportSink(request.out())) {
            for (Path input : request.inputs()) {
                TableFormat format;
                try {
                    format = TableFormats.of(input, request.option("format"));
                } catch (DatasetException e) {
                    if (e.problems().isEmpty()) {
                        throw e;
                    }
                    e.problems().forEach(sink::problem);
                    continue;
                }
                readOne(input, format, new TableOptions(delimiter, quoting.apply(input)), mappers.apply(input), sink);
            }
            return sink.finish(what, request.version(), manifest);
        }
    }

    private static void readOne(Path input, TableFormat format, TableOptions options, RowMapper mapper,
                                ImportSink sink) throws DatasetException, IOException {
        String location = input.toString();
        boolean[] checked = {false};
        boolean[] stopped = {false};
        try {
            format.read(input, options, new TableFormat.RowSink() {
                @Override
                public void header(List<String> columns) {
                    check(columns, true, 1);
                }

                @Override
                public void row(long line, Map<String, Object> cells) {
                    if (!checked[0]) {
                        check(List.copyOf(cells.keySet()), false, line);
                    }
                    if (stopped[0]) {
                        return;
                    }
                    sink.read();
                    if (!mapper.keep(cells)) {
                        sink.filtered();
                        return;
                    }
                    Cells c = new Cells(sink, location, line);
                    Item item = mapper.map(cells, c);
                    if (item != null && !c.bad()) {
                        try {
                            sink.add(item, location, line, mapper.idField());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public void problem(long line, String field, String message) {
                    if (!stopped[0]) {
                        sink.problem(location, line, field, message);
                    }
                }

                private void check(List<String> columns, boolean fixed, long line) {
                    checked[0] = true;
                    mapper.columns(columns, fixed, (column, message) -> {
                        stopped[0] = true;
                        sink.problem(location, line, column, message);
                    });
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (DatasetException e) {
            if (e.problems().isEmpty()) {
                throw e;
            }
            e.problems().forEach(sink::problem);
        }
    }

    /** {@code header} as a short list for messages. */
    static String describeHeader(List<String> header) {
        String joined = String.join(", ", header);
        if (header.size() == 1 && joined.length() > 1) {
            for (char d : new char[] {',', '\t', ';', '|'}) {
                if (joined.indexOf(d) >= 0) {
                    return "one column, " + ItemCodec.quote(joined) + ": it looks " + DelimitedFormat.name(d)
                            + "-separated; give --delimiter " + DelimitedFormat.name(d);
                }
            }
        }
        return joined.length() > 200 ? joined.substring(0, 200) + "..." : joined;
    }
}
