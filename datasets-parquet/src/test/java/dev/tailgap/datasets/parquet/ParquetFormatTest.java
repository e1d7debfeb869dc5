package dev.tailgap.datasets.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.ImportRequest;
import dev.tailgap.datasets.ImportResult;
import dev.tailgap.datasets.Importers;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.LoadProblem;
import dev.tailgap.datasets.TableFormats;
import java.nio.file.Files;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFormatTest {

    @TempDir
    Path dir;

    @Test
    void aParquetFileImportsWithAFieldMapping() throws Exception {
        Path file = ParquetFiles.write(dir.resolve("qa.parquet"), List.of(
                new ParquetFiles.Row(101, "Who wrote Hamlet?", List.of("William Shakespeare", "Shakespeare"),
                        "Hamlet", 4_500_000L, "author", 0.5),
                new ParquetFiles.Row(102, "What is the capital of Velmora?", List.of("Ostrava Nova"), "Velmora", 12L,
                        null, 1.5)));
        assertThat(TableFormats.of(file, null)).isInstanceOf(ParquetFormat.class);
        Path out = dir.resolve("qa.jsonl");
        ImportResult r = Importers.run("table", new ImportRequest(List.of(file), out, "qa", null,
                Map.of("map", List.of("question=q,answers=golds,frequency=views,concept=subject,relation=rel,id=qid"))));
        assertThat(r.written()).isEqualTo(2);
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        try (Stream<Item> items = ds.items()) {
            assertThat(items.toList()).containsExactly(
                    new Item("qa:101", "Who wrote Hamlet?", List.of("William Shakespeare", "Shakespeare"), "Hamlet",
                            4_500_000, "author", Map.of("score", 0.5)),
                    new Item("qa:102", "What is the capital of Velmora?", List.of("Ostrava Nova"), "Velmora", 12,
                            null, Map.of("score", 1.5)));
        }
    }

    @Test
    void popQaInTheHubsParquetFormImportsLikeTheTsv() throws Exception {
        List<String> columns = List.of("id", "subj", "prop", "obj", "s_aliases", "o_aliases", "s_pop", "o_pop",
                "question", "possible_answers");
        Path file = ParquetFiles.writeColumns(dir.resolve("popqa.parquet"), columns, List.of(
                List.of(4222362L, "George Rankin", "occupation", "politician", "[\"George James Rankin\"]",
                        "[\"political leader\"]", 142L, 25692L, "What is George Rankin's occupation?",
                        "[\"politician\", \"political leader\"]"),
                List.of(17L, "John Mayne", "occupation", "journalist", "[]", "[\"journo\"]", 236L, 24952L,
                        "What is John Mayne's occupation?", "[\"journalist\"]")));
        Path out = dir.resolve("popqa.jsonl");
        Importers.run("popqa", new ImportRequest(List.of(file), out, null, null, Map.of()));
        try (Stream<Item> items = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            List<Item> list = items.toList();
            assertThat(list).extracting(Item::id).containsExactly("popqa:4222362", "popqa:17");
            assertThat(list.get(0).conceptAliases()).containsExactly("George James Rankin");
            assertThat(list.get(1).answers()).containsExactly("journalist", "journo");
            assertThat(list).extracting(Item::frequency).containsExactly(142.0, 236.0);
            assertThat(list.get(0).meta()).containsEntry("o_pop", 25692);
        }
    }

    @Test
    void readsEveryCommonCodec() throws Exception {
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.ZSTD, CompressionCodecName.GZIP)) {
            Path file = ParquetFiles.write(dir.resolve(codec + ".parquet"), List.of(new ParquetFiles.Row(1, "Q?",
                    List.of("a"), "C", 3L, null, 0)), codec);
            Path out = dir.resolve(codec + ".jsonl");
            Importers.run("table", new ImportRequest(List.of(file), out, null, null,
                    Map.of("map", List.of("question=q,answers=golds,frequency=views"))));
            assertThat(DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).size()).as(codec.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void rowProblemsNameTheRowNumber() throws Exception {
        Path file = ParquetFiles.write(dir.resolve("gaps.parquet"), List.of(
                new ParquetFiles.Row(1, "Q1?", List.of("a"), "C", 3L, null, 0),
                new ParquetFiles.Row(2, "Q2?", List.of(), "C", null, null, 0)));
        assertThatThrownBy(() -> Importers.run("table", new ImportRequest(List.of(file), dir.resolve("g.jsonl"), null,
                null, Map.of("map", List.of("question=q,answers=golds,frequency=views")))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString).containsExactly(
                                file + ":2: golds: missing (no non-empty answer)",
                                file + ":2: views: missing (required, a number >= 0)"));
    }

    @Test
    void aDamagedFileIsNamedWithoutTheReadersInternals() throws Exception {
        Path file = dir.resolve("broken.parquet");
        Files.write(file, "PAR1 this is not really parquet".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Importers.run("table", new ImportRequest(List.of(file), dir.resolve("o.jsonl"), null,
                null, Map.of("map", List.of("question=q,answers=a,frequency=f")))))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString).containsExactly(file + ":1: parquet: not a readable Parquet"
                                + " file (no valid footer: truncated, or another format?)"));
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }
}
