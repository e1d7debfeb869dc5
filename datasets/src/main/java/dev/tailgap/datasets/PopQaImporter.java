package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code datasets import popqa}: PopQA (Mallen et al. 2023) in any of its published forms: the upstream
 * {@code popQA.tsv}, a merged TSV with a leading {@code uid} and {@code in_*} membership columns, and the CSV, JSON,
 * JSON Lines and Parquet copies (Hugging Face export, re-formatted subsets).
 *
 * <p>Contract: columns are found by name, the first present of: id {@code uid} (used as is) or {@code id}
 * ({@code popqa:} + id); question {@code question} or {@code input}; answers {@code possible_answers},
 * {@code answers} or {@code output} (a JSON array, as a string or a list; blanks and repeats dropped, then any
 * {@code o_aliases} entry it lacks added); frequency {@code s_pop} or {@code pop}; relation {@code prop}; concept
 * {@code subj}, else the subject recovered from the question by PopQA's 16 templates (which also give the relation
 * when {@code prop} is missing). {@code s_aliases} become the concept's aliases; {@code meta} keeps {@code o_pop},
 * {@code s_wiki_title}, {@code obj}, the {@code group} (split) of a JSON object of arrays and every {@code in_*}
 * column as a boolean. A TSV with a {@code uid} column is read without quoting. {@code --where column=value} keeps
 * only matching rows. Any bad kept row fails the import naming file, line and column; nothing is written then.
 */
public final class PopQaImporter implements ImporterProvider {

    private static final List<String> ID = List.of("uid", "id");
    private static final List<String> QUESTION = List.of("question", "input");
    private static final List<String> ANSWERS = List.of("possible_answers", "answers", "output");
    private static final List<String> FREQUENCY = List.of("s_pop", "pop");

    @Override
    public String name() {
        return "popqa";
    }

    @Override
    public String description() {
        return "PopQA (TSV, CSV, JSON, JSON Lines or Parquet); s_pop is the frequency";
    }

    @Override
    public Set<String> options() {
        return Set.of("where", "delimiter", "format");
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

    /** Reads {@code input} (any PopQA form), writes {@code outJsonl} and the manifest beside it. */
    public static ImportResult importFile(Path input, Path outJsonl, Options options)
            throws DatasetException, IOException {
        return new PopQaImporter().run(new ImportRequest(List.of(input), outJsonl, options.name(), options.version(),
                options.where().isEmpty() ? Map.of() : Map.of("where", options.where())));
    }

    @Override
    public ImportResult run(ImportRequest request) throws DatasetException, IOException {
        Options options = new Options(request.all("where"), request.name(), request.version());
        Templates templates = Templates.bundled("popqa");
        String files = String.join(", ", request.inputs().stream().map(p -> p.getFileName().toString()).toList());
        try {
            return TableImport.run(request, input -> new Mapper(options.where(), templates),
                    PopQaImporter::quoted, version -> manifest(files, options, version));
        } catch (DatasetException e) {
            if (e.getMessage().contains("no rows to import") && !options.where().isEmpty()) {
                throw new DatasetException(e.getMessage().replace(" filtered out)", " filtered out by "
                        + String.join(" and ", options.where()) + ")"));
            }
            throw e;
        }
    }

    /** Whether a delimited input quotes fields: not the merged TSV layout, whose header starts with {@code uid}. */
    private static boolean quoted(Path input) {
        try {
            String head = new String(TableFormats.head(input), StandardCharsets.UTF_8);
            String first = head.lines().findFirst().orElse("").replace("\uFEFF", "");
            return !List.of(first.split("\t")).contains("uid");
        } catch (IOException | DatasetException e) {
            return true;
        }
    }

    /** Maps one file's rows, the columns chosen from its header or first row. */
    private static final class Mapper implements TableImport.RowMapper {
        private final List<String> where;
        private final Templates templates;
        private String id;
        private String question;
        private String answers;
        private String frequency;

        Mapper(List<String> where, Templates templates) {
            this.where = where;
            this.templates = templates;
        }

        @Override
        public void columns(List<String> columns, boolean fixed, TableImport.ColumnProblems problems) {
            id = first(columns, ID);
            question = first(columns, QUESTION);
            answers = first(columns, ANSWERS);
            frequency = first(columns, FREQUENCY);
            String[][] required = {{id, "id"}, {question, "question"}, {answers, "possible_answers"},
                {frequency, "s_pop"}};
            for (String[] r : required) {
                if (r[0] == null) {
                    problems.problem(r[1], "missing column (" + (fixed ? "header" : "first row") + " has: "
                            + TableImport.describeHeader(columns) + ")");
                }
            }
            for (String w : where) {
                String column = w.substring(0, w.indexOf('=')).strip();
                if (!columns.contains(column)) {
                    problems.problem(column, "where " + w + ": no such column (columns: "
                            + TableImport.describeHeader(columns) + ")");
                }
            }
        }

        private static String first(List<String> columns, List<String> names) {
            return names.stream().filter(columns::contains).findFirst().orElse(null);
        }

        @Override
        public boolean keep(Map<String, Object> row) {
            for (String w : where) {
                Object v = row.get(w.substring(0, w.indexOf('=')).strip());
                if (v == null || !String.valueOf(v).equals(w.substring(w.indexOf('=') + 1))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Item map(Map<String, Object> row, Cells cells) {
            String rawId = cells.required(id, row.get(id));
            String q = cells.required(question, row.get(question));
            List<String> gold = jsonList(cells, answers, row.get(answers), true);
            Double f = cells.frequency(frequency, row.get(frequency));
            String relation = cells.text("prop", row.get("prop"));
            String concept = cells.text("subj", row.get("subj"));
            if (concept == null && q != null) {
                Templates.Match m = templates.match(q, relation);
                if (m == null) {
                    cells.problem(row.containsKey("subj") ? "subj" : question, row.containsKey("subj")
                            ? "missing (empty), and the question matches none of PopQA's templates"
                            : "no subj column, and the question matches none of PopQA's templates");
                } else {
                    concept = m.subject();
                    relation = m.relation();
                }
            }
            List<String> conceptAliases = jsonList(cells, "s_aliases", row.get("s_aliases"), false);
            List<String> objectAliases = jsonList(cells, "o_aliases", row.get("o_aliases"), false);
            if (cells.bad() || rawId == null || q == null || f == null || concept == null) {
                return null;
            }
            Set<String> all = new LinkedHashSet<>(gold);
            all.addAll(objectAliases);
            return new Item(id.equals("uid") ? rawId : "popqa:" + rawId, q, List.copyOf(all), concept, f, relation,
                    meta(row, cells), conceptAliases);
        }

        private static Map<String, Object> meta(Map<String, Object> row, Cells cells) {
            Map<String, Object> meta = new TreeMap<>();
            for (String name : List.of("s_wiki_title", "obj")) {
                String v = cells.text(name, row.get(name));
                if (v != null) {
                    meta.put(name, v);
                }
            }
            String oPop = cells.text("o_pop", row.get("o_pop"));
            if (oPop != null) {
                meta.put("o_pop", Cells.metaValue(oPop));
            }
            String group = cells.text(JsonFormat.GROUP, row.get(JsonFormat.GROUP));
            if (group != null) {
                meta.put("split", group);
            }
            row.forEach((name, v) -> {
                if (name.startsWith("in_") && ("true".equals(v) || "false".equals(v) || v instanceof Boolean)) {
                    meta.put(name, Boolean.valueOf(String.valueOf(v)));
                }
            });
            return meta;
        }

        @Override
        public String idField() {
            return id;
        }
    }

    /**
     * A cell holding a JSON array of strings (as a list, or as JSON text); blanks and repeats dropped. Empty when the
     * cell is and not {@code required}; {@code null} after a problem.
     */
    private static List<String> jsonList(Cells cells, String column, Object value, boolean required) {
        if (value instanceof List<?>) {
            List<String> out = cells.list(column, value, null);
            if (out != null && out.isEmpty() && required) {
                cells.problem(column, "has no non-empty answer");
                return null;
            }
            return out;
        }
        int before = cells.problems();
        String raw = cells.text(column, value);
        if (raw == null) {
            if (required && cells.problems() == before) {
                cells.problem(column, "missing (empty)");
            }
            return required ? null : List.of();
        }
        JsonNode node;
        try {
            node = ItemCodec.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            cells.problem(column, "not a JSON array of strings: " + ItemCodec.cleanJsonMessage(e.getOriginalMessage()));
            return null;
        }
        if (!node.isArray()) {
            cells.problem(column, "must be a JSON array of strings, got " + ItemCodec.describe(node));
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : node) {
            if (!a.isTextual()) {
                cells.problem(column, "must contain only strings, got " + ItemCodec.describe(a));
                return null;
            }
            if (!a.textValue().isBlank()) {
                out.add(a.textValue().strip());
            }
        }
        if (out.isEmpty() && required) {
            cells.problem(column, "has no non-empty answer");
            return null;
        }
        return List.copyOf(out);
    }

    private static Manifest manifest(String files, Options options, String version) {
        String filter = options.where().isEmpty() ? "" : "; rows where " + String.join(" and ", options.where());
        return new Manifest(options.name(), version,
                "PopQA entity-centric questions with the subject's popularity" + filter,
                "MIT",
                "PopQA (Mallen et al. 2023), https://github.com/AlexTMallen/adaptive-retrieval; imported from " + files,
                "Mallen, Asai, Zhong, Das, Khashabi, Hajishirzi: When Not to Trust Language Models: Investigating"
                        + " Effectiveness of Parametric and Non-Parametric Memories (ACL 2023)",
                "monthly Wikipedia page views of the subject (s_pop)",
                "log10");
    }
}
