package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code datasets import entity-questions}: EntityQuestions (Sciavolino et al., EMNLP 2021), one file per relation
 * named {@code P17.test.json} (a JSON array of {@code {"question", "answers"}}; JSON Lines copies too).
 *
 * <p>Contract: the relation is the Wikidata property id that starts the file name; the concept is the subject,
 * found as what varies between the file's questions (one template per relation: the words every question starts
 * and ends with are the template), or by {@code --template "Which country is {subject} located in?"}. EntityQuestions
 * has no popularity: every frequency is 0 and the manifest says so; give it one by counting the concepts in a corpus
 * ({@code tailgap frequency count}). Ids are {@code NAME:RELATION:} and 12 hex digits of the question's sha256.
 */
public final class EntityQuestionsImporter implements ImporterProvider {

    /** What the manifest says about the frequency. */
    static final String NO_POPULARITY = "none (every frequency is 0): EntityQuestions has no popularity; count the "
            + "concepts in a corpus with `tailgap frequency count`";

    @Override
    public String name() {
        return "entity-questions";
    }

    @Override
    public String description() {
        return "EntityQuestions files, one per relation (P17.test.json ...); no popularity (see frequency count)";
    }

    @Override
    public Set<String> options() {
        return Set.of("template", "format");
    }

    @Override
    public ImportResult run(ImportRequest request) throws DatasetException, IOException {
        String name = request.name() != null ? request.name() : "entity-questions";
        Map<Path, Templates> templates = new HashMap<>();
        for (Path input : request.inputs()) {
            String relation = relation(input);
            String given = request.option("template");
            templates.put(input, given != null ? Templates.parse("\"" + relation + "\": " + quoteYaml(given),
                    "--template") : infer(input, relation, request.option("format")));
        }
        String files = String.join(", ", request.inputs().stream().map(p -> p.getFileName().toString()).toList());
        return TableImport.run(request, input -> new Mapper(name, relation(input), templates.get(input)),
                input -> true, version -> new Manifest(name, version,
                        "EntityQuestions: simple entity-centric questions, one template per Wikidata relation",
                        "MIT", "EntityQuestions, https://github.com/princeton-nlp/EntityQuestions; imported from "
                        + files,
                        "Sciavolino, Zhong, Lee, Chen: Simple Entity-Centric Questions Challenge Dense Retrievers"
                                + " (EMNLP 2021)",
                        NO_POPULARITY, null));
    }

    /** The relation a file holds: its name up to the first dot ({@code P17.test.json}: {@code P17}). */
    static String relation(Path input) {
        String file = input.getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String quoteYaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The template of a file's questions: the words all of them start with and end with around the part that varies.
     */
    private static Templates infer(Path input, String relation, String format)
            throws DatasetException, IOException {
        List<String> questions = new ArrayList<>();
        TableFormats.of(input, format).read(input, TableOptions.defaults(), new TableFormat.RowSink() {
            @Override
            public void header(List<String> columns) {
            }

            @Override
            public void row(long line, Map<String, Object> cells) {
                Object q = cells.get("question");
                if (q instanceof String s && !s.isBlank()) {
                    questions.add(s.strip());
                }
            }

            @Override
            public void problem(long line, String field, String message) {
            }
        });
        String template = commonTemplate(questions);
        if (template == null) {
            throw new DatasetException(input + ": cannot tell the subject from the questions (need at least two "
                    + "questions of one template); give it with --template \"... {subject} ...\"");
        }
        return Templates.parse("\"" + relation + "\": " + quoteYaml(template), input.toString());
    }

    /**
     * The common prefix and suffix of {@code questions}, without a partial word of the subject, around
     * {@code {subject}}; {@code null} when there are fewer than two distinct questions or nothing varies.
     */
    static String commonTemplate(List<String> questions) {
        if (questions.stream().distinct().count() < 2) {
            return null;
        }
        String prefix = questions.get(0);
        String suffix = questions.get(0);
        for (String q : questions) {
            int i = 0;
            while (i < prefix.length() && i < q.length() && prefix.charAt(i) == q.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
            int j = 0;
            while (j < suffix.length() && j < q.length()
                    && suffix.charAt(suffix.length() - 1 - j) == q.charAt(q.length() - 1 - j)) {
                j++;
            }
            suffix = suffix.substring(suffix.length() - j);
        }
        prefix = prefix.replaceFirst("[\\p{L}\\p{N}]+$", "");
        suffix = suffix.replaceFirst("^[\\p{L}\\p{N}]+", "");
        for (String q : questions) {
            if (q.length() <= prefix.length() + suffix.length()) {
                return null;
            }
        }
        return prefix + "{subject}" + suffix;
    }

    /** Maps one relation file's rows. */
    private record Mapper(String prefix, String relation, Templates templates) implements TableImport.RowMapper {

        @Override
        public void columns(List<String> columns, boolean fixed, TableImport.ColumnProblems problems) {
            for (String c : List.of("question", "answers")) {
                if (!columns.contains(c)) {
                    problems.problem(c, "missing (an EntityQuestions row has question and answers; got: "
                            + TableImport.describeHeader(columns) + ")");
                }
            }
        }

        @Override
        public Item map(Map<String, Object> row, Cells cells) {
            String question = cells.required("question", row.get("question"));
            List<String> answers = cells.list("answers", row.get("answers"), null);
            if (answers != null && answers.isEmpty()) {
                cells.problem("answers", "missing (no non-empty answer)");
            }
            String subject = null;
            if (question != null) {
                Templates.Match m = templates.match(question, relation);
                if (m == null) {
                    cells.problem("question", "does not fit the template " + ItemCodec.quote(
                            templates.byRelation().get(relation)) + " (give --template)");
                } else {
                    subject = m.subject().strip();
                }
            }
            if (cells.bad() || question == null || subject == null) {
                return null;
            }
            return new Item(Cells.id(prefix + ":" + relation, null, question), question, answers, subject, 0,
                    relation, Cells.meta(row, List.of("question", "answers")));
        }

        @Override
        public String idField() {
            return "question";
        }
    }
}
