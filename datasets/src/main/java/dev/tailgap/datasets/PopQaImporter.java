package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Imports a PopQA TSV (Mallen et al. 2023) into a canonical dataset.
 *
 * <p>Contract: accepts two layouts, told apart by the header. The merged layout has a {@code uid} column (used as
 * the id), is unquoted and may carry boolean {@code in_*} membership columns; the upstream {@code popQA.tsv} layout
 * has no {@code uid} (the id is {@code popqa:} + {@code id}) and may quote fields the way pandas writes them.
 * Mapping: {@code question} to question, {@code possible_answers} (a JSON array of strings; blanks and repeats
 * dropped, then any {@code o_aliases} entry it lacks) to answers, {@code s_aliases} to
 * concept aliases, {@code subj} to concept, {@code s_pop} to frequency, {@code prop} to relation; {@code meta}
 * keeps {@code o_pop}, {@code s_wiki_title} and {@code obj} when non-empty, and every {@code in_*} column as a
 * boolean. Rows that fail the {@code where} filter are counted and dropped. Any bad kept row (wrong field count,
 * missing value, unparseable answers, non-numeric {@code s_pop}, repeated id) fails the import with problems naming
 * file, line and column, and nothing is written. Output goes through {@link DatasetWriter}.
 */
public final class PopQaImporter {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final int MAX_PROBLEMS = 50;

    private PopQaImporter() {
    }

    /**
     * Import settings.
     *
     * <p>Contract: each {@code where} entry is {@code column=value} and a row is kept when every one holds (exact
     * string comparison); {@code name} defaults to {@code popqa}; a {@code null} {@code version} is derived from the
     * content written: {@code sha-} followed by the first 12 hex digits of the output items' sha256, so the version
     * changes exactly when the imported items do.
     */
    public record Options(List<String> where, String name, String version) {

        public Options {
            where = where == null ? List.of() : List.copyOf(where);
            for (String w : where) {
                if (w.indexOf('=') < 1) {
                    throw new IllegalArgumentException("a where filter must look like column=value, got '" + w + "'");
                }
            }
            name = name == null || name.isBlank() ? "popqa" : name;
            if (version != null && version.isBlank()) {
                version = null;
            }
        }

        /** No filter, name {@code popqa}, derived version. */
        public static Options defaults() {
            return new Options(List.of(), null, null);
        }

        /** These options plus the filter {@code column=value}. */
        public Options withWhere(String condition) {
            List<String> all = new ArrayList<>(where);
            all.add(condition);
            return new Options(all, name, version);
        }

        /** These options with another dataset name. */
        public Options withName(String newName) {
            return new Options(where, newName, version);
        }

        /** These options with an explicit version. */
        public Options withVersion(String newVersion) {
            return new Options(where, name, newVersion);
        }
    }

    /** Reads {@code tsv}, writes {@code outJsonl} and the manifest beside it. */
    public static ImportResult importTsv(Path tsv, Path outJsonl, Options options)
            throws DatasetException, IOException {
        String location = tsv.toString();
        List<String> header = readHeader(tsv, location);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i), i);
        }
        String idColumn = col.containsKey("uid") ? "uid" : "id";
        for (String required : List.of(idColumn, "question", "possible_answers", "subj", "s_pop")) {
            if (!col.containsKey(required)) {
                throw new DatasetException(new LoadProblem(location, 1, required,
                        "missing column (header has: " + String.join(", ", header) + ")"));
            }
        }
        List<Integer> filterColumns = new ArrayList<>();
        List<String> filterValues = new ArrayList<>();
        for (String w : options.where()) {
            String column = w.substring(0, w.indexOf('=')).strip();
            Integer index = col.get(column);
            if (index == null) {
                throw new DatasetException("where " + w + ": no column '" + column + "' in " + location
                        + " (columns: " + String.join(", ", header) + ")");
            }
            filterColumns.add(index);
            filterValues.add(w.substring(w.indexOf('=') + 1));
        }
        boolean quoted = !col.containsKey("uid");
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator('\t').withoutEscapeChar();
        if (!quoted) {
            schema = schema.withoutQuoteChar();
        }
        List<LoadProblem> problems = new ArrayList<>();
        long problemCount = 0;
        long badRows = 0;
        long read = 0;
        long filtered = 0;
        Map<String, Long> firstLine = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8);
             JsonParser p = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                     .reader().with(schema).createParser(reader);
             DatasetWriter writer = DatasetWriter.create(outJsonl)) {
            boolean headerRow = true;
            List<String> row = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                long line = p.currentTokenLocation().getLineNr() + 1;
                row.clear();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY && v != null; v = p.nextToken()) {
                    row.add(p.getText());
                }
                if (headerRow) {
                    headerRow = false;
                    continue;
                }
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                read++;
                Row r = new Row(location, line, header, row);
                if (row.size() != header.size()) {
                    String column = row.size() < header.size() ? header.get(row.size()) : "row";
                    r.problem(column, (row.size() < header.size() ? "missing: " : "too many fields: ") + "the row has "
                            + row.size() + " tab-separated fields, the header " + header.size());
                } else if (!keep(row, filterColumns, filterValues)) {
                    filtered++;
                    continue;
                } else {
                    Item item = toItem(r, col, idColumn);
                    if (item != null) {
                        Long first = firstLine.putIfAbsent(item.id(), line);
                        if (first != null) {
                            r.problem(idColumn, "duplicate id " + ItemCodec.quote(item.id()) + ", first on line "
                                    + first);
                        } else if (problemCount == 0) {
                            writer.write(item);
                        }
                    }
                }
                if (!r.problems.isEmpty()) {
                    badRows++;
                }
                for (LoadProblem problem : r.problems) {
                    problemCount++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(problem);
                    }
                }
            }
            if (problemCount > 0) {
                throw new DatasetException(location + ": " + badRows + " bad row" + (badRows == 1 ? "" : "s")
                        + " (first: " + problems.get(0) + "); nothing was written",
                        problems, problemCount - problems.size());
            }
            if (writer.count() == 0) {
                throw new DatasetException(location + ": no rows to import (" + read + " read, " + filtered
                        + " filtered out by " + String.join(" and ", options.where()) + ")");
            }
            String version = options.version() != null ? options.version() : "sha-" + writer.sha256().substring(0, 12);
            Manifest manifest = manifest(tsv, options, version);
            String sha = writer.commit(manifest);
            return new ImportResult(read, read - filtered, filtered, manifest, sha);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DatasetException(new LoadProblem(location, line, "tsv", "cannot parse: "
                    + e.getOriginalMessage()));
        }
    }

    private static List<String> readHeader(Path tsv, String location) throws DatasetException, IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (NoSuchFileException e) {
            throw new DatasetException(location + ": no such file");
        }
        if (first == null || first.isBlank()) {
            throw new DatasetException(location + ": empty file; expected a PopQA header row");
        }
        if (first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        List<String> header = new ArrayList<>();
        for (String name : first.split("\t", -1)) {
            header.add(name.strip());
        }
        return header;
    }

    private static boolean keep(List<String> row, List<Integer> columns, List<String> values) {
        for (int i = 0; i < columns.size(); i++) {
            if (!row.get(columns.get(i)).equals(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Item toItem(Row r, Map<String, Integer> col, String idColumn) {
        String rawId = r.required(idColumn);
        String id = rawId == null ? null : idColumn.equals("uid") ? rawId : "popqa:" + rawId;
        String question = r.required("question");
        String concept = r.required("subj");
        List<String> answers = answers(r);
        Double frequency = null;
        String sPop = r.required("s_pop");
        if (sPop != null) {
            if (!NUMBER.matcher(sPop).matches() || Double.parseDouble(sPop) < 0
                    || Double.isInfinite(Double.parseDouble(sPop))) {
                r.problem("s_pop", "must be a number >= 0, got " + ItemCodec.quote(sPop));
            } else {
                frequency = Double.parseDouble(sPop);
            }
        }
        if (id == null || question == null || concept == null || answers == null || frequency == null) {
            return null;
        }
        Map<String, Object> meta = new TreeMap<>();
        for (String name : List.of("s_wiki_title", "obj")) {
            String v = r.optional(name);
            if (v != null) {
                meta.put(name, v);
            }
        }
        String oPop = r.optional("o_pop");
        if (oPop != null) {
            meta.put("o_pop", numberOrText(oPop));
        }
        for (String name : col.keySet()) {
            String v = r.optional(name);
            if (name.startsWith("in_") && ("true".equals(v) || "false".equals(v))) {
                meta.put(name, Boolean.valueOf(v));
            }
        }
        List<String> conceptAliases = jsonList(r, "s_aliases");
        List<String> objectAliases = jsonList(r, "o_aliases");
        if (conceptAliases == null || objectAliases == null) {
            return null;
        }
        Set<String> gold = new LinkedHashSet<>(answers);
        gold.addAll(objectAliases);
        return new Item(id, question, List.copyOf(gold), concept, frequency, r.optional("prop"), meta,
                conceptAliases);
    }

    private static List<String> answers(Row r) {
        String raw = r.required("possible_answers");
        if (raw == null) {
            return null;
        }
        JsonNode node;
        try {
            node = ItemCodec.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            r.problem("possible_answers", "not a JSON array of strings: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (!node.isArray()) {
            r.problem("possible_answers", "must be a JSON array of strings, got " + ItemCodec.describe(node));
            return null;
        }
        Set<String> answers = new LinkedHashSet<>();
        for (JsonNode a : node) {
            if (!a.isTextual()) {
                r.problem("possible_answers", "must contain only strings, got " + ItemCodec.describe(a));
                return null;
            }
            if (!a.textValue().isBlank()) {
                answers.add(a.textValue());
            }
        }
        if (answers.isEmpty()) {
            r.problem("possible_answers", "has no non-empty answer");
            return null;
        }
        return List.copyOf(answers);
    }

    /** An optional column holding a JSON array of strings: blanks and repeats dropped, empty when the cell is. */
    private static List<String> jsonList(Row r, String column) {
        String raw = r.optional(column);
        if (raw == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = ItemCodec.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            r.problem(column, "not a JSON array of strings: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (!node.isArray()) {
            r.problem(column, "must be a JSON array of strings, got " + ItemCodec.describe(node));
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode a : node) {
            if (!a.isTextual()) {
                r.problem(column, "must contain only strings, got " + ItemCodec.describe(a));
                return null;
            }
            if (!a.textValue().isBlank()) {
                values.add(a.textValue().strip());
            }
        }
        return List.copyOf(values);
    }

    private static Object numberOrText(String s) {
        if (NUMBER.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
            return d;
        }
        return s;
    }

    private static Manifest manifest(Path tsv, Options options, String version) {
        String filter = options.where().isEmpty() ? "" : "; rows where " + String.join(" and ", options.where());
        return new Manifest(options.name(), version,
                "PopQA entity-centric questions with the subject's popularity" + filter,
                "MIT",
                "PopQA (Mallen et al. 2023), https://github.com/AlexTMallen/adaptive-retrieval; imported from "
                        + tsv.getFileName(),
                "Mallen, Asai, Zhong, Das, Khashabi, Hajishirzi: When Not to Trust Language Models: Investigating"
                        + " Effectiveness of Parametric and Non-Parametric Memories (ACL 2023)",
                "monthly Wikipedia page views of the subject (s_pop)",
                "log10");
    }

    /** One data row with its location, collecting its problems. */
    private static final class Row {
        private final String location;
        private final long line;
        private final Map<String, String> values = new HashMap<>();
        private final List<LoadProblem> problems = new ArrayList<>();

        Row(String location, long line, List<String> header, List<String> fields) {
            this.location = location;
            this.line = line;
            for (int i = 0; i < Math.min(header.size(), fields.size()); i++) {
                values.putIfAbsent(header.get(i), fields.get(i));
            }
        }

        String required(String column) {
            String v = optional(column);
            if (v == null) {
                problem(column, "missing (empty)");
            }
            return v;
        }

        String optional(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        void problem(String column, String message) {
            problems.add(new LoadProblem(location, line, column, message));
        }
    }
}
