package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code datasets import head-to-tail}: the question files of Head-to-Tail (Sun et al., NAACL 2024), as its
 * generators write them: a JSON object {@code {"head": [...], "torso": [...], "tail": [...]}} of rows
 * {@code [entity, template, question, answer]} (the answer a string, a number or a list of strings), or rows as
 * objects with those keys.
 *
 * <p>Contract: the head/torso/tail label goes into {@code meta.h2t_bucket} and the template id into
 * {@code meta.template}; the popularity is a fifth row element or a {@code popularity} key when the file has one,
 * else it comes from {@code --frequencies FILE} (columns {@code entity,frequency}); a row with neither is a problem
 * (the generators' output has labels only, the popularity stays in their knowledge-graph dumps). The concept is the
 * entity: the label of a DBpedia resource URI, else the entity id. Ids are derived from the question.
 */
public final class HeadToTailImporter implements ImporterProvider {

    @Override
    public String name() {
        return "head-to-tail";
    }

    @Override
    public String description() {
        return "Head-to-Tail question files ({\"head\": [[entity, template, question, answer], ...], ...})";
    }

    @Override
    public Set<String> options() {
        return Set.of("frequencies", "format");
    }

    @Override
    public ImportResult run(ImportRequest request) throws DatasetException, IOException {
        String name = request.name() != null ? request.name() : "head-to-tail";
        Map<String, Double> popularity = request.option("frequencies") == null ? Map.of()
                : frequencies(Path.of(request.option("frequencies")));
        String files = String.join(", ", request.inputs().stream().map(p -> p.getFileName().toString()).toList());
        return TableImport.run(request, input -> new Mapper(name, popularity, request.option("frequencies")),
                input -> true, version -> new Manifest(name, version,
                        "Head-to-Tail questions with their head/torso/tail label (meta.h2t_bucket)",
                        "the source knowledge graph's terms (e.g. IMDb's non-commercial licence); Head-to-Tail's "
                                + "generators are CC BY-NC 4.0",
                        "Head-to-Tail (Sun et al. 2024), https://github.com/facebookresearch/head-to-tail; imported "
                                + "from " + files,
                        "Sun, Xu, Zha, Liu, Dong: Head-to-Tail: How Knowledgeable are Large Language Models (LLMs)?"
                                + " (NAACL 2024)",
                        request.option("frequencies") != null ? "entity popularity from "
                                + Path.of(request.option("frequencies")).getFileName()
                                : "entity popularity given in the file (traffic or density, per the paper)",
                        "mass:3"));
    }

    /** The {@code entity,frequency} table of {@code file}. */
    private static Map<String, Double> frequencies(Path file) throws DatasetException, IOException {
        Map<String, Double> out = new HashMap<>();
        TableFormat format = TableFormats.of(file, null);
        List<LoadProblem> found = new java.util.ArrayList<>();
        format.read(file, TableOptions.defaults(), new TableFormat.RowSink() {
            private boolean badHeader;

            @Override
            public void header(List<String> columns) {
                for (String c : List.of("entity", "frequency")) {
                    if (!columns.contains(c)) {
                        badHeader = true;
                        found.add(new LoadProblem(file.toString(), 1, c, "missing column (header has: "
                                + TableImport.describeHeader(columns) + ")"));
                    }
                }
            }

            @Override
            public void row(long line, Map<String, Object> cells) {
                if (badHeader) {
                    return;
                }
                Object e = cells.get("entity");
                Object f = cells.get("frequency");
                Double v = null;
                try {
                    v = f instanceof Number n ? n.doubleValue() : f == null ? null : Double.valueOf(f.toString().strip());
                } catch (NumberFormatException ex) {
                    v = null;
                }
                if (e == null || e.toString().isBlank()) {
                    found.add(new LoadProblem(file.toString(), line, "entity", "missing (empty)"));
                } else if (v == null || !(v >= 0) || v.isInfinite()) {
                    found.add(new LoadProblem(file.toString(), line, "frequency", "must be a number >= 0, got "
                            + ItemCodec.quote(String.valueOf(f))));
                } else {
                    out.put(e.toString().strip(), v);
                }
            }

            @Override
            public void problem(long line, String field, String message) {
                found.add(new LoadProblem(file.toString(), line, field, message));
            }
        });
        if (!found.isEmpty()) {
            throw new DatasetException(file + ": " + found.size() + " problem" + (found.size() == 1 ? "" : "s")
                    + " in the frequencies; nothing was written", found.subList(0, Math.min(found.size(),
                    ImportSink.MAX_PROBLEMS)), Math.max(0, found.size() - ImportSink.MAX_PROBLEMS));
        }
        return out;
    }

    /** Maps Head-to-Tail rows. */
    private record Mapper(String prefix, Map<String, Double> popularity, String frequencyFile)
            implements TableImport.RowMapper {

        @Override
        public void columns(List<String> columns, boolean fixed, TableImport.ColumnProblems problems) {
            boolean arrays = columns.contains("0") && columns.contains("2") && columns.contains("3");
            boolean objects = columns.contains("question") && (columns.contains("answer")
                    || columns.contains("answers"));
            if (!arrays && !objects) {
                problems.problem("row", "not a Head-to-Tail row: expected [entity, template, question, answer] "
                        + "or an object with entity, question and answer (got: " + TableImport.describeHeader(columns)
                        + ")");
            }
        }

        @Override
        public Item map(Map<String, Object> row, Cells cells) {
            boolean array = row.containsKey("0");
            String entityField = array ? "0" : "entity";
            String questionField = array ? "2" : "question";
            String answerField = array ? "3" : row.containsKey("answer") ? "answer" : "answers";
            String entity = cells.required(entityField, row.get(entityField));
            String template = cells.text(array ? "1" : "template", row.get(array ? "1" : "template"));
            String question = cells.required(questionField, row.get(questionField));
            List<String> answers = cells.list(answerField, row.get(answerField), null);
            if (answers != null && answers.isEmpty()) {
                cells.problem(answerField, "missing (no non-empty answer)");
            }
            Object given = array ? row.get("4") : row.get("popularity");
            Double frequency = null;
            if (given != null) {
                frequency = cells.frequency(array ? "4" : "popularity", given);
            } else if (entity != null) {
                frequency = popularity.get(entity);
                if (frequency == null) {
                    cells.problem(entityField, frequencyFile == null
                            ? "no popularity for " + ItemCodec.quote(entity) + ": Head-to-Tail files carry only the "
                            + "head/torso/tail label; give --frequencies FILE (columns entity,frequency)"
                            : "no popularity for " + ItemCodec.quote(entity) + " in " + frequencyFile);
                }
            }
            if (cells.bad() || entity == null || question == null || frequency == null) {
                return null;
            }
            Map<String, Object> meta = new TreeMap<>();
            meta.put("entity", entity);
            if (template != null) {
                meta.put("template", template);
            }
            Object group = row.get(JsonFormat.GROUP);
            if (group != null) {
                meta.put("h2t_bucket", group.toString());
            }
            return new Item(Cells.id(prefix, null, question), question, answers, concept(entity), frequency,
                    template, meta);
        }

        /** The label of a DBpedia resource URI, else the entity as is. */
        static String concept(String entity) {
            int at = entity.indexOf("/resource/");
            if (entity.startsWith("http") && at >= 0 && at + 10 < entity.length()) {
                return java.net.URLDecoder.decode(entity.substring(at + 10), java.nio.charset.StandardCharsets.UTF_8)
                        .replace('_', ' ');
            }
            return entity;
        }

        @Override
        public String idField() {
            return "question";
        }
    }
}
