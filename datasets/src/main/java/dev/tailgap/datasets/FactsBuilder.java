package dev.tailgap.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code datasets build --facts FACTS --templates TEMPLATES}: a dataset made from (subject, relation, object) facts
 * the way PopQA was: one question per (subject, relation) through the relation's template, the answers being every
 * object of that pair and their aliases.
 *
 * <p>Contract: the facts are a table (any {@link TableFormat}) with columns {@code subject}, {@code relation},
 * {@code object} and {@code popularity} (the subject's, a number {@code >= 0}) and optionally {@code aliases} (the
 * object's), {@code subject_aliases}, {@code subject_id} (tells apart subjects that share a label) and {@code id};
 * list cells as in {@code import table} ({@code --list-sep}). Rows of one (subject, relation) must agree on the
 * popularity. A relation without a template, and every other bad
 * row, is a problem naming file, line and column; nothing is written then. Ids are the {@code id} column (a number
 * gets the dataset name as prefix) or derived from the question and the subject id.
 */
public final class FactsBuilder {

    private static final List<String> REQUIRED = List.of("subject", "relation", "object", "popularity");

    private FactsBuilder() {
    }

    /** What to build. */
    public record Request(Path facts, String templates, Path out, String name, String version, String listSep,
                          String delimiter, String format) {
    }

    /** Builds the dataset; see the class contract. */
    public static ImportResult build(Request r) throws DatasetException, IOException {
        Templates templates = Templates.resolve(r.templates());
        String name = r.name() != null ? r.name() : DatasetSource.stem(r.facts().getFileName().toString());
        String location = r.facts().toString();
        Map<List<String>, Question> questions = new LinkedHashMap<>();
        try (ImportSink sink = new ImportSink(r.out())) {
            boolean[] stopped = {false};
            TableFormat format = TableFormats.of(r.facts(), r.format());
            try {
                format.read(r.facts(), new TableOptions(TableOptions.parseDelimiter(r.delimiter()), true),
                        new TableFormat.RowSink() {
                            private boolean checked;

                            @Override
                            public void header(List<String> columns) {
                                check(columns);
                            }

                            private void check(List<String> columns) {
                                checked = true;
                                for (String c : REQUIRED) {
                                    if (!columns.contains(c)) {
                                        stopped[0] = true;
                                        sink.problem(location, 1, c, "missing column (columns: "
                                                + TableImport.describeHeader(columns) + ")");
                                    }
                                }
                            }

                            @Override
                            public void row(long line, Map<String, Object> row) {
                                if (!checked) {
                                    check(List.copyOf(row.keySet()));
                                }
                                if (!stopped[0]) {
                                    sink.read();
                                    fact(row, new Cells(sink, location, line), line, templates, r.listSep(),
                                            questions);
                                }
                            }

                            @Override
                            public void problem(long line, String field, String message) {
                                sink.problem(location, line, field, message);
                            }
                        });
            } catch (DatasetException e) {
                if (e.problems().isEmpty()) {
                    throw e;
                }
                e.problems().forEach(sink::problem);
            }
            for (Question q : questions.values()) {
                String hashed = q.subjectId == null ? q.question : q.question + "\n" + q.subjectId;
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("facts", q.facts);
                if (q.subjectId != null) {
                    meta.put("subject_id", Cells.metaValue(q.subjectId));
                }
                sink.add(new Item(Cells.id(name, q.id, hashed), q.question, List.copyOf(q.answers), q.subject,
                        q.popularity, q.relation, meta, List.copyOf(q.subjectAliases)),
                        location, q.line, q.id != null ? "id" : "subject");
            }
            return sink.finish(location, r.version(), version -> new Manifest(name, version,
                    "questions built from the facts in " + r.facts().getFileName() + " with the templates "
                            + r.templates(), "", r.facts().getFileName().toString(), "",
                    "column popularity of " + r.facts().getFileName(), null));
        }
    }

    /** One question being built: its first line and the facts folded into it. */
    private static final class Question {
        final long line;
        final String id;
        final String question;
        final String subject;
        final String relation;
        final double popularity;
        final Set<String> answers = new LinkedHashSet<>();
        final Set<String> subjectAliases = new LinkedHashSet<>();
        int facts;

        final String subjectId;

        Question(long line, String id, String question, String subject, String relation, double popularity,
                 String subjectId) {
            this.subjectId = subjectId;
            this.line = line;
            this.id = id;
            this.question = question;
            this.subject = subject;
            this.relation = relation;
            this.popularity = popularity;
        }
    }

    private static void fact(Map<String, Object> row, Cells cells, long line, Templates templates, String listSep,
                             Map<List<String>, Question> questions) {
        String subject = cells.required("subject", row.get("subject"));
        String relation = cells.required("relation", row.get("relation"));
        String object = cells.required("object", row.get("object"));
        Double popularity = cells.frequency("popularity", row.get("popularity"));
        List<String> aliases = cells.list("aliases", row.get("aliases"), listSep);
        List<String> subjectAliases = cells.list("subject_aliases", row.get("subject_aliases"), listSep);
        String id = cells.text("id", row.get("id"));
        String subjectId = cells.text("subject_id", row.get("subject_id"));
        String question = null;
        if (relation != null && subject != null) {
            question = templates.question(relation, subject);
            if (question == null) {
                cells.problem("relation", "no template for " + ItemCodec.quote(relation) + " (templates for: "
                        + String.join(", ", new TreeMap<>(templates.byRelation()).keySet()) + ")");
            }
        }
        if (cells.bad() || question == null || object == null || popularity == null) {
            return;
        }
        String text = question;
        String key = subjectId != null ? subjectId : subject;
        Question q = questions.computeIfAbsent(List.of(key, relation),
                k -> new Question(line, id, text, subject, relation, popularity, subjectId));
        if (q.popularity != popularity) {
            cells.problem("popularity", "is " + num(popularity) + " but line " + q.line + " gives " + num(q.popularity)
                    + " for the same subject");
            return;
        }
        q.facts++;
        q.answers.add(object);
        q.answers.addAll(aliases);
        q.subjectAliases.addAll(subjectAliases);
        q.subjectAliases.remove(subject);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
