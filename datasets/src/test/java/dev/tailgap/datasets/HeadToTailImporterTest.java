package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadToTailImporterTest {

    private static final String FILE = "{\n"
            + " \"head\": [\n  [\"tt0111161\", \"imdb-title-4\", \"Who directed The Shawshank Redemption?\","
            + " [\"Frank Darabont\"]]\n ],\n"
            + " \"torso\": [\n  [\"tt0000002\", \"imdb-title-1\", \"In which year was Le clown et ses chiens released?\","
            + " 1892]\n ],\n"
            + " \"tail\": [\n  [\"http://dbpedia.org/resource/Ostrava_Nova\", \"dbpedia-3\","
            + " \"What is the population of Ostrava Nova?\", \"1200\"]\n ]\n}\n";

    @TempDir
    Path dir;

    @Test
    void keepsTheBucketLabelsAndTakesThePopularityFromAFrequencyTable() throws Exception {
        Path h2t = Fixtures.write(dir.resolve("head_to_tail_imdb.json"), FILE);
        Path freqs = Fixtures.write(dir.resolve("pop.csv"), "entity,frequency\ntt0111161,2900000\ntt0000002,300\n"
                + "http://dbpedia.org/resource/Ostrava_Nova,4\n");
        Path out = dir.resolve("h2t.jsonl");
        ImportResult r = Importers.run("head-to-tail", new ImportRequest(List.of(h2t), out, null, null,
                Map.of("frequencies", List.of(freqs.toString()))));
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.manifest().bucketing()).isEqualTo("mass:3");
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            List<Item> items = s.toList();
            assertThat(items).extracting(i -> i.meta().get("h2t_bucket")).containsExactly("head", "torso", "tail");
            assertThat(items).extracting(Item::frequency).containsExactly(2_900_000.0, 300.0, 4.0);
            assertThat(items).extracting(Item::concept).containsExactly("tt0111161", "tt0000002", "Ostrava Nova");
            assertThat(items.get(1).answers()).containsExactly("1892");
            assertThat(items.get(0).relation()).isEqualTo("imdb-title-4");
        }
    }

    @Test
    void withoutPopularityEveryRowSaysHowToGiveIt() throws Exception {
        Path h2t = Fixtures.write(dir.resolve("head_to_tail_imdb.json"), FILE);
        assertThatThrownBy(() -> Importers.run("head-to-tail", new ImportRequest(List.of(h2t),
                dir.resolve("o.jsonl"), null, null, Map.of())))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.problems().get(0).toString()).isEqualTo(h2t + ":3: 0: no popularity for"
                            + " \"tt0111161\": Head-to-Tail files carry only the head/torso/tail label; give"
                            + " --frequencies FILE (columns entity,frequency)");
                });
        Path withPop = Fixtures.write(dir.resolve("with-pop.json"),
                "{\"tail\": [[\"e1\", \"t\", \"Who is e1?\", \"x\", 7]]}");
        Path out = dir.resolve("p.jsonl");
        Importers.run("head-to-tail", new ImportRequest(List.of(withPop), out, null, null, Map.of()));
        assertThat(DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).frequencies())
                .containsExactly(7);
    }

    @Test
    void aBadFrequencyTableIsListedLineByLine() throws Exception {
        Path h2t = Fixtures.write(dir.resolve("head_to_tail_imdb.json"), FILE);
        Path freqs = Fixtures.write(dir.resolve("pop.csv"), "entity,frequency\ntt0111161,many\n,3\n");
        assertThatThrownBy(() -> Importers.run("head-to-tail", new ImportRequest(List.of(h2t),
                dir.resolve("o.jsonl"), null, null, Map.of("frequencies", List.of(freqs.toString())))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString).containsExactly(
                                freqs + ":2: frequency: must be a number >= 0, got \"many\"",
                                freqs + ":3: entity: missing (empty)"));
        Path noColumn = Fixtures.write(dir.resolve("nocol.csv"), "id,views\ntt0111161,3\n");
        assertThatThrownBy(() -> Importers.run("head-to-tail", new ImportRequest(List.of(h2t),
                dir.resolve("o.jsonl"), null, null, Map.of("frequencies", List.of(noColumn.toString())))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::field).containsExactly("entity", "frequency"));
    }
}
