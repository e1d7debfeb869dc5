package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsBuilderTest {

    @TempDir
    Path dir;

    private List<Item> build(Path facts, String templates) throws Exception {
        Path out = dir.resolve("built.jsonl");
        FactsBuilder.build(new FactsBuilder.Request(facts, templates, out, "built", null, null, null, null));
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            return s.toList();
        }
    }

    @Test
    void foldsTheObjectsOfOneSubjectAndRelationIntoOneQuestion() throws Exception {
        Path facts = Fixtures.write(dir.resolve("facts.csv"), "subject,relation,object,aliases,popularity\n"
                + "Hamlet,author,William Shakespeare,\"[\"\"Shakespeare\"\", \"\"the Bard\"\"]\",4500000\n"
                + "Velmora,capital,Ostrava Nova,,12\n"
                + "Good Omens,author,Terry Pratchett,,9000\n"
                + "Good Omens,author,Neil Gaiman,[],9000\n");
        List<Item> items = build(facts, "popqa");
        assertThat(items).extracting(Item::question).containsExactly("Who is the author of Hamlet?",
                "What is the capital of Velmora?", "Who is the author of Good Omens?");
        assertThat(items.get(0).answers()).containsExactly("William Shakespeare", "Shakespeare", "the Bard");
        assertThat(items.get(2).answers()).containsExactly("Terry Pratchett", "Neil Gaiman");
        assertThat(items.get(2).meta()).containsEntry("facts", 2);
        assertThat(items).extracting(Item::frequency).containsExactly(4_500_000.0, 12.0, 9000.0);
        assertThat(items).extracting(Item::concept).containsExactly("Hamlet", "Velmora", "Good Omens");
    }

    @Test
    void everyBadFactIsAProblemAndNothingIsWritten() throws Exception {
        Path facts = Fixtures.write(dir.resolve("bad.csv"), "subject,relation,object,popularity\n"
                + "A,author,X,1\n"
                + "B,weight,Y,2\n"
                + "C,author,,3\n"
                + "A,author,Z,5\n"
                + "D,author,W,lots\n");
        Path out = dir.resolve("bad.jsonl");
        assertThatThrownBy(() -> FactsBuilder.build(new FactsBuilder.Request(facts, "popqa", out, null, null, null,
                null, null)))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString).containsExactly(
                                facts + ":3: relation: no template for \"weight\" (templates for: author, capital,"
                                        + " capital of, color, composer, country, director, father, genre, mother,"
                                        + " occupation, place of birth, producer, religion, screenwriter, sport)",
                                facts + ":4: object: missing (empty)",
                                facts + ":5: popularity: is 5 but line 2 gives 1 for the same subject",
                                facts + ":6: popularity: must be a number >= 0, got \"lots\""));
        assertThat(out).doesNotExist();
        Path noTemplates = Fixtures.write(dir.resolve("t.yaml"), "author: Who wrote it?\n");
        assertThatThrownBy(() -> FactsBuilder.build(new FactsBuilder.Request(facts, noTemplates.toString(), out,
                null, null, null, null, null)))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString).containsExactly(noTemplates
                                + ":0: author: the template must be text with {subject} exactly once"));
    }

    /** PopQA's full rows, turned back into facts, give PopQA's questions and answers through its 16 templates. */
    @Test
    void popQaRowsAsFactsGivePopQaQuestions() throws Exception {
        Optional<Path> tsv = Fixtures.shared("datasets/popqa/popqa_merged.tsv");
        assumeThat(tsv).as("shared PopQA data").isPresent();
        List<String> lines = Files.readAllLines(tsv.get(), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        ObjectMapper json = new ObjectMapper();
        StringBuilder facts = new StringBuilder("id,subject_id,subject,relation,object,aliases,popularity\n");
        Map<String, String> question = new HashMap<>();
        Map<String, java.util.Set<String>> gold = new HashMap<>();
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                r.put(header.get(i), f[i]);
            }
            if (!"true".equals(r.get("full_row"))) {
                continue;
            }
            rows++;
            facts.append(String.join(",", csv(r.get("id")), csv(r.get("subj_id")), csv(r.get("subj")),
                    csv(r.get("prop")), csv(r.get("obj")), csv(r.get("o_aliases")), csv(r.get("s_pop")))).append('\n');
            String key = r.get("subj_id") + "/" + r.get("prop");
            question.putIfAbsent(key, r.get("question"));
            gold.computeIfAbsent(key, k -> new java.util.HashSet<>())
                    .addAll(List.of(json.readValue(r.get("possible_answers"), String[].class)));
        }
        assertThat(rows).isEqualTo(2140);
        List<Item> items = build(Fixtures.write(dir.resolve("popqa-facts.csv"), facts.toString()), "popqa");
        assertThat(items).as("one question per subject and relation").hasSize(question.size());
        for (Item i : items) {
            String key = i.meta().get("subject_id") + "/" + i.relation();
            assertThat(i.question()).as(key).isEqualTo(question.get(key));
            assertThat(gold.get(key)).as(key).containsAll(i.answers());
        }
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
