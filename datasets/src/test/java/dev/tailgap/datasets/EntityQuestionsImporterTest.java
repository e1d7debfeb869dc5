package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityQuestionsImporterTest {

    @TempDir
    Path dir;

    @Test
    void oneFilePerRelationWithTheSubjectFromTheTemplate() throws Exception {
        Path p17 = Fixtures.write(dir.resolve("P17.test.json"), "[\n"
                + "  {\"question\": \"Which country is Pulkal mandal located in?\", \"answers\": [\"India\"]},\n"
                + "  {\"question\": \"Which country is Mount Stromlo located in?\", \"answers\": [\"Australia\"]},\n"
                + "  {\"question\": \"Which country is Malitel located in?\", \"answers\": [\"Mali\"]}\n]\n");
        Path p50 = Fixtures.write(dir.resolve("P50.test.jsonl"),
                "{\"question\": \"Who is the author of Dune?\", \"answers\": [\"Frank Herbert\"]}\n"
                + "{\"question\": \"Who is the author of The Hobbit?\", \"answers\": [\"J. R. R. Tolkien\", \"Tolkien\"]}\n");
        Path out = dir.resolve("eq.jsonl");
        ImportResult r = Importers.run("entity-questions", new ImportRequest(List.of(p17, p50), out, null, null,
                Map.of()));
        assertThat(r.written()).isEqualTo(5);
        assertThat(r.manifest().frequencySource()).isEqualTo(EntityQuestionsImporter.NO_POPULARITY)
                .contains("tailgap frequency count");
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            List<Item> items = s.toList();
            assertThat(items).extracting(Item::concept).containsExactly("Pulkal mandal", "Mount Stromlo", "Malitel",
                    "Dune", "The Hobbit");
            assertThat(items).extracting(Item::relation).containsExactly("P17", "P17", "P17", "P50", "P50");
            assertThat(items).extracting(Item::frequency).containsOnly(0.0);
            assertThat(items.get(4).answers()).containsExactly("J. R. R. Tolkien", "Tolkien");
            assertThat(items.get(0).id()).startsWith("entity-questions:P17:");
        }
    }

    @Test
    void aSingleQuestionNeedsTheTemplateGiven() throws Exception {
        Path one = Fixtures.write(dir.resolve("P36.test.json"),
                "[{\"question\": \"What is the capital of Velmora?\", \"answers\": [\"Ostrava Nova\"]}]");
        Path out = dir.resolve("one.jsonl");
        assertThatThrownBy(() -> Importers.run("entity-questions", new ImportRequest(List.of(one), out, null, null,
                Map.of()))).hasMessageContaining("give it with --template");
        Importers.run("entity-questions", new ImportRequest(List.of(one), out, null, null,
                Map.of("template", List.of("What is the capital of {subject}?"))));
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            assertThat(s.map(Item::concept)).containsExactly("Velmora");
        }
        assertThatThrownBy(() -> Importers.run("entity-questions", new ImportRequest(List.of(one),
                dir.resolve("x.jsonl"), null, null, Map.of("template", List.of("Where is {subject}?")))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems().get(0).toString())
                        .isEqualTo(one + ":1: question: does not fit the template \"Where is {subject}?\" (give"
                                + " --template)"));
    }

    @Test
    void theCommonTemplateStopsAtWordBoundaries() {
        assertThat(EntityQuestionsImporter.commonTemplate(List.of("Who is the author of Dune?",
                "Who is the author of Emma?"))).isEqualTo("Who is the author of {subject}?");
        assertThat(EntityQuestionsImporter.commonTemplate(List.of("What is Ann's occupation?",
                "What is Bo Li's occupation?"))).isEqualTo("What is {subject}'s occupation?");
        assertThat(EntityQuestionsImporter.commonTemplate(List.of("Where was Ann Lee born?", "Where was Ann Ray born?")))
                .isEqualTo("Where was Ann {subject} born?");
        assertThat(EntityQuestionsImporter.commonTemplate(List.of("Same?", "Same?"))).isNull();
        assertThat(EntityQuestionsImporter.commonTemplate(List.of("Who is Ann?", "Who is Ann Lee?")))
                .isEqualTo("Who is {subject}?");
    }
}
