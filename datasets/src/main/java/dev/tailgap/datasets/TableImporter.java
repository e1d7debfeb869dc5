package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code datasets import table FILE... --map question=COL,answers=COL,frequency=COL[,concept=,relation=,id=,aliases=]}:
 * any CSV, TSV, JSON, JSON Lines or Parquet file with the user's own column names.
 *
 * <p>Contract: {@code answers} and {@code aliases} cells are lists (a list cell, a JSON array, text split on
 * {@code --list-sep}, or one value); the concept is the question when not mapped; a numeric or missing id is derived
 * stably ({@link Cells#id}) with the dataset name as prefix; every unmapped non-empty column goes into {@code meta}.
 * In a file with a header every mapped column must exist; in a JSON file the first row must have the required ones.
 */
public final class TableImporter implements ImporterProvider {

    @Override
    public String name() {
        return "table";
    }

    @Override
    public String description() {
        return "any CSV, TSV, JSON, JSON Lines or Parquet file, with --map question=COL,answers=COL,frequency=COL";
    }

    @Override
    public Set<String> options() {
        return Set.of("map", "list-sep", "delimiter", "format");
    }

    @Override
    public ImportResult run(ImportRequest request) throws DatasetException, IOException {
        FieldMapping mapping = FieldMapping.parse(request.option("map"));
        String name = request.name() != null ? request.name() : DatasetSource.stem(request.inputs().get(0)
                .getFileName().toString());
        String listSep = request.option("list-sep");
        return TableImport.run(request, input -> new Mapper(mapping, name, listSep), input -> true,
                version -> new Manifest(name, version, "questions imported from " + files(request.inputs())
                        + " with --map " + String.join(",", mapping.columns().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()), "", files(request.inputs()), "",
                        "column " + mapping.column("frequency") + " of " + files(request.inputs()), null));
    }

    private static String files(List<Path> inputs) {
        return String.join(", ", inputs.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** Maps rows by a {@link FieldMapping}. */
    private record Mapper(FieldMapping mapping, String prefix, String listSep) implements TableImport.RowMapper {

        @Override
        public void columns(List<String> columns, boolean fixed, TableImport.ColumnProblems problems) {
            mapping.columns().forEach((field, column) -> {
                if (!columns.contains(column) && (fixed || FieldMapping.REQUIRED.contains(field))) {
                    problems.problem(column, "no such column (mapped to " + field + "); "
                            + (fixed ? "the header has: " : "the first row has: ")
                            + TableImport.describeHeader(columns));
                }
            });
        }

        @Override
        public Item map(Map<String, Object> row, Cells cells) {
            String question = cells.required(mapping.column("question"), row.get(mapping.column("question")));
            List<String> answers = cells.list(mapping.column("answers"), row.get(mapping.column("answers")), listSep);
            if (answers != null && answers.isEmpty()) {
                cells.problem(mapping.column("answers"), "missing (no non-empty answer)");
            }
            Double frequency = cells.frequency(mapping.column("frequency"), row.get(mapping.column("frequency")));
            String concept = mapping.column("concept") == null ? question
                    : cells.required(mapping.column("concept"), row.get(mapping.column("concept")));
            String relation = mapping.column("relation") == null ? null
                    : cells.text(mapping.column("relation"), row.get(mapping.column("relation")));
            String rawId = mapping.column("id") == null ? null
                    : cells.text(mapping.column("id"), row.get(mapping.column("id")));
            List<String> aliases = mapping.column("aliases") == null ? List.of()
                    : cells.list(mapping.column("aliases"), row.get(mapping.column("aliases")), listSep);
            if (cells.bad() || question == null || concept == null || frequency == null) {
                return null;
            }
            return new Item(Cells.id(prefix, rawId, question), question, answers, concept, frequency, relation,
                    Cells.meta(row, mapping.columns().values()), aliases);
        }

        @Override
        public String idField() {
            return mapping.column("id") != null ? mapping.column("id") : "question";
        }
    }
}
