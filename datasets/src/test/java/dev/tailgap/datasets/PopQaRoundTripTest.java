package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PopQA rows in the shared data folder, imported from the merged TSV and from the raw CSV, JSON and JSON Lines
 * copies, give the same canonical items (ids, answers, frequencies) where the rows overlap.
 */
class PopQaRoundTripTest {

    @TempDir
    static Path dir;

    private static Map<String, Item> merged;

    @BeforeAll
    static void importTheMergedTsv() throws Exception {
        Optional<Path> tsv = Fixtures.shared("datasets/popqa/popqa_merged.tsv");
        assumeThat(tsv).as("shared PopQA data").isPresent();
        merged = items(tsv.get(), "merged");
        assertThat(merged).hasSize(3818);
    }

    private static Map<String, Item> items(Path input, String name) throws Exception {
        Path out = dir.resolve(name + ".jsonl");
        try {
            PopQaImporter.importFile(input, out, PopQaImporter.Options.defaults().withName(name));
        } catch (DatasetException e) {
            throw new AssertionError(e.getMessage() + " " + e.problems(), e);
        }
        Map<String, Item> byId = new LinkedHashMap<>();
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            s.forEach(i -> byId.put(i.id(), i));
        }
        return byId;
    }

    private static Map<String, Item> raw(String file) throws Exception {
        Optional<Path> p = Fixtures.shared("datasets/popqa/raw/" + file);
        assumeThat(p).as("shared PopQA raw copy " + file).isPresent();
        return items(p.get(), file.replace('.', '-'));
    }

    private static void sameWhereTheyOverlap(Map<String, Item> other, int expectedOverlap) {
        int overlap = 0;
        for (Item o : other.values()) {
            Item m = merged.get(o.id());
            if (m == null) {
                continue;
            }
            overlap++;
            assertThat(o.answers()).as(o.id()).isEqualTo(m.answers());
            assertThat(o.frequency()).as(o.id()).isEqualTo(m.frequency());
            assertThat(o.relation()).as(o.id()).isEqualTo(m.relation());
        }
        assertThat(overlap).isEqualTo(expectedOverlap);
    }

    @Test
    void theLongTailCsvWithAllColumnsGivesTheSameItems() throws Exception {
        Map<String, Item> csv = raw("longtailqa_DisambPopQA_1399.csv");
        assertThat(csv).hasSize(1399);
        sameWhereTheyOverlap(csv, 1399);
        Item first = csv.values().iterator().next();
        assertThat(first.conceptAliases()).isEqualTo(merged.get(first.id()).conceptAliases()).isNotEmpty();
        assertThat(first.concept()).isEqualTo(merged.get(first.id()).concept());
    }

    @Test
    void theRandomSampleJsonObjectOfSplitsGivesTheSameItems() throws Exception {
        Map<String, Item> json = raw("model_collaboration_popqa_2000.json");
        assertThat(json).hasSize(2000);
        sameWhereTheyOverlap(json, 2000);
        for (Item i : json.values()) {
            assertThat(i.concept()).as("subject recovered from the question by the templates")
                    .isEqualTo(merged.get(i.id()).concept());
            assertThat(i.meta().get("split")).isIn("dev", "test");
        }
    }

    @Test
    void theLongTailJsonLinesGivesTheSameItems() throws Exception {
        Map<String, Item> jsonl = raw("ctrla_popqa_longtail_1399.jsonl");
        assertThat(jsonl).hasSize(1399);
        sameWhereTheyOverlap(jsonl, 1399);
        for (Item i : jsonl.values()) {
            assertThat(i.question()).isEqualTo(merged.get(i.id()).question());
            assertThat(i.concept()).isEqualTo(merged.get(i.id()).concept());
        }
    }
}
