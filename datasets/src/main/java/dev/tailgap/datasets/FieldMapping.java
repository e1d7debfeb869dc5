package dev.tailgap.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column holds which item field, as given with {@code --map question=COL,answers=COL,frequency=COL[,...]}.
 *
 * <p>Contract: {@code question}, {@code answers} and {@code frequency} are required; {@code concept},
 * {@code relation}, {@code id} and {@code aliases} (the concept's aliases) are optional; each field at most once;
 * a column name may be any text without {@code ,} and {@code =}.
 */
public record FieldMapping(Map<String, String> columns) {

    /** The fields a mapping must name. */
    public static final List<String> REQUIRED = List.of("question", "answers", "frequency");

    /** The fields a mapping may name besides the required ones. */
    public static final List<String> OPTIONAL = List.of("concept", "relation", "id", "aliases");

    public FieldMapping {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Parses {@code field=COL,field=COL,...}; the message says what is wrong. */
    public static FieldMapping parse(String spec) throws DatasetException {
        if (spec == null || spec.isBlank()) {
            throw new DatasetException("import table needs --map question=COL,answers=COL,frequency=COL (optional: "
                    + String.join(", ", OPTIONAL) + ")");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String field = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String column = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (!REQUIRED.contains(field) && !OPTIONAL.contains(field)) {
                throw new DatasetException("--map: unknown field '" + field + "' (fields: "
                        + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL) + ")");
            }
            if (column.isEmpty()) {
                throw new DatasetException("--map: " + field + " needs a column name (" + field + "=COLUMN)");
            }
            if (columns.put(field, column) != null) {
                throw new DatasetException("--map: " + field + " is mapped twice");
            }
        }
        for (String field : REQUIRED) {
            if (!columns.containsKey(field)) {
                throw new DatasetException("--map: " + field + " is required (e.g. --map question=q,answers=a,"
                        + "frequency=views)");
            }
        }
        return new FieldMapping(columns);
    }

    /** The column of {@code field}, or {@code null} when not mapped. */
    public String column(String field) {
        return columns.get(field);
    }
}
