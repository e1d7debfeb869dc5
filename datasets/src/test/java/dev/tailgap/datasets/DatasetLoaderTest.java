package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetLoaderTest {

    private static final String GOOD = "{\"id\":\"a\",\"question\":\"Q?\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":5}";

    @TempDir
    Path dir;

    @Test
    void loadsFixtureWithManifestAndHashEqualToSha256sum() throws Exception {
        Dataset ds = DatasetLoader.load(DatasetSource.file(Fixtures.resource("fixtures/small.jsonl")),
                LoadOptions.strict());
        // value printed by `sha256sum small.jsonl` for the committed fixture
        assertThat(ds.sha256()).isEqualTo("f4debc6845647ac13dc235bfc3abe6cf6314e8c507583e58897fd8a6334f459c");
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.skipped()).isZero();
        assertThat(ds.manifestDerived()).isFalse();
        assertThat(ds.manifest()).isEqualTo(new Manifest("small", "1.0", "Three PopQA-style questions", "MIT",
                "hand-written test fixture", "", "monthly Wikipedia page views", "log10"));
        assertThat(ds.frequencies()).containsExactly(131414, 56, 236.5);
        try (Stream<Item> items = ds.items()) {
            List<Item> list = items.toList();
            assertThat(list).extracting(Item::id).containsExactly("c1", "c2", "c3");
            assertThat(list.get(1).answers()).containsExactly("France", "fr", "République française");
            assertThat(list.get(1).meta()).containsEntry("o_pop", 486947);
            assertThat(list.get(0).relation()).isEqualTo("capital");
            assertThat(list.get(2).relation()).isNull();
            for (int i = 0; i < list.size(); i++) {
                assertThat(ds.idHash(i)).isEqualTo(Dataset.hashId(list.get(i).id()));
                assertThat(ds.frequency(i)).isEqualTo(list.get(i).frequency());
            }
        }
    }

    @Test
    void derivesManifestWhenAbsent() throws Exception {
        Path file = Fixtures.write(dir.resolve("my-data.jsonl"), GOOD + "\n");
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict());
        assertThat(ds.manifestDerived()).isTrue();
        assertThat(ds.manifest().name()).isEqualTo("my-data");
        assertThat(ds.manifest().version()).isEqualTo("unversioned");
        assertThat(ds.manifest().frequencySource()).isEmpty();
        assertThat(ds.manifest().bucketing()).isEqualTo(Manifest.DEFAULT_BUCKETING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json       | {\"id\": | json | not valid JSON",
        "trailing       | " + "{\"id\":\"a\"} {} | json | extra content after the JSON value",
        "array          | [1,2] | json | expected a JSON object, got an array",
        "repeated key   | {\"id\":\"a\",\"id\":\"b\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | json | Duplicate field 'id'",
        "missing id     | {\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | id | missing",
        "empty id       | {\"id\":\" \",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | id | must be a non-empty string, got \" \" (a string)",
        "numeric id     | {\"id\":7,\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | id | must be a non-empty string, got 7",
        "no question    | {\"id\":\"a\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | question | missing",
        "null question  | {\"id\":\"a\",\"question\":null,\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1} | question | got null",
        "no concept     | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"frequency\":1} | concept | missing",
        "object concept | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":{},\"frequency\":1} | concept | got an object",
        "no answers     | {\"id\":\"a\",\"question\":\"Q\",\"concept\":\"C\",\"frequency\":1} | answers | missing",
        "string answers | {\"id\":\"a\",\"question\":\"Q\",\"answers\":\"x\",\"concept\":\"C\",\"frequency\":1} | answers | must be a non-empty array of strings",
        "empty answers  | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[],\"concept\":\"C\",\"frequency\":1} | answers | must not be empty",
        "blank answer   | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\",\"\"],\"concept\":\"C\",\"frequency\":1} | answers[1] | must be a non-empty string",
        "number answer  | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[3],\"concept\":\"C\",\"frequency\":1} | answers[0] | got 3",
        "no frequency   | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\"} | frequency | missing",
        "string freq    | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":\"12\"} | frequency | must be a number >= 0, got \"12\" (a string)",
        "negative freq  | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":-3} | frequency | must be a number >= 0, got -3",
        "NaN freq       | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":NaN} | frequency | got NaN",
        "infinite freq  | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":Infinity} | frequency | got Infinity",
        "huge freq      | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1e400} | frequency | got Infinity",
        "null freq      | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":null} | frequency | got null",
        "bool freq      | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":true} | frequency | got true",
        "bad relation   | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1,\"relation\":5} | relation | must be a string, got 5",
        "bad meta       | {\"id\":\"a\",\"question\":\"Q\",\"answers\":[\"x\"],\"concept\":\"C\",\"frequency\":1,\"meta\":[1]} | meta | must be an object, got an array",
    })
    void eachBadLineNamesFileLineAndField(String kind, String badLine, String field, String messagePart)
            throws Exception {
        Path file = Fixtures.write(dir.resolve("data.jsonl"),
                Fixtures.line("g1", 1) + "\n\n" + badLine + "\n" + Fixtures.line("g2", 2) + "\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    LoadProblem p = e.problems().get(0);
                    assertThat(p.location()).isEqualTo(file.toString());
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.message()).contains(messagePart);
                    assertThat(p.toString()).startsWith(file + ":3: " + field + ": ");
                    assertThat(e.getMessage()).isEqualTo(file + ": 1 invalid line; fix it or pass --skip-invalid")
                            .doesNotContain("\n");
                });
    }

    @Test
    void reportsEveryProblemOfALine() throws Exception {
        Path file = Fixtures.write(dir.resolve("data.jsonl"), "{\"id\":\"\",\"answers\":[],\"frequency\":\"1\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::field)
                        .containsExactly("id", "question", "answers", "concept", "frequency"));
    }

    @Test
    void exampleMessageShape() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            sb.append(i == 7 ? GOOD.replace("\"a\"", "\"x7\"").replace(":5", ":-3")
                    : i == 8 || i == 9 ? "oops" : Fixtures.line("i" + i, i)).append('\n');
        }
        Path file = Fixtures.write(dir.resolve("data.jsonl"), sb.toString());
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e).hasMessage(file + ": 3 invalid lines; fix them or pass --skip-invalid");
                    assertThat(e.problems()).extracting(LoadProblem::toString).containsExactly(
                            file + ":7: frequency: must be a number >= 0, got -3",
                            file + ":8: json: not valid JSON (column 5): Unrecognized token 'oops': was expecting"
                                    + " a JSON value",
                            file + ":9: json: not valid JSON (column 5): Unrecognized token 'oops': was expecting"
                                    + " a JSON value");
                });
    }

    @Test
    void acceptsBomCrlfAndBlankLinesAndCountsThemForLineNumbers() throws Exception {
        String text = "\uFEFF" + Fixtures.line("a", 1) + "\r\n\r\n   \r\n" + Fixtures.line("b", 2) + "\r\n"
                + "{\"id\":\"c\"}\r\n" + Fixtures.line("d", 3);
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.lenient());
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.skipped()).isEqualTo(1);
        assertThat(ds.problems()).extracting(LoadProblem::line).containsOnly(5L);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("a", "b", "d");
        }
    }

    @Test
    void skipInvalidSkipsAndCountsAndCapsProblems() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            sb.append(i % 4 == 0 ? "{\"id\":\"bad" + i + "\",\"frequency\":-1}" : Fixtures.line("ok" + i, i))
                    .append('\n');
        }
        Path file = Fixtures.write(dir.resolve("data.jsonl"), sb.toString());
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), new LoadOptions(true, 3));
        assertThat(ds.size()).isEqualTo(15);
        assertThat(ds.skipped()).isEqualTo(5);
        assertThat(ds.problems()).hasSize(3).extracting(LoadProblem::line).containsExactly(4L, 4L, 4L);
        assertThat(ds.frequencies()).doesNotContain(4, 8, 12, 16, 20);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id).collect(Collectors.toList())).hasSize(15).doesNotContain("bad4");
        }
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), new LoadOptions(false, 3)))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.omittedProblems()).isEqualTo(5 * 4 - 3);
                    assertThat(e.getMessage()).isEqualTo(file + ": 5 invalid lines; fix them or pass --skip-invalid");
                });
    }

    @Test
    void duplicateIdsNameBothLines() throws Exception {
        Path file = Fixtures.write(dir.resolve("dup.jsonl"), Fixtures.line("a", 1) + "\n" + Fixtures.line("b", 2)
                + "\n" + Fixtures.line("a", 3) + "\n\n" + Fixtures.line("c", 4) + "\n" + Fixtures.line("a", 5) + "\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString)
                        .containsExactly(file + ":3: id: duplicate id \"a\", first on line 1",
                                file + ":6: id: duplicate id \"a\", first on line 1"));
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.lenient());
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.skipped()).isEqualTo(2);
        assertThat(ds.frequencies()).containsExactly(1, 2, 4);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void problemsAreInLineOrderWhenDuplicatesAndOtherErrorsMix() throws Exception {
        Path file = Fixtures.write(dir.resolve("mix.jsonl"), Fixtures.line("a", 1) + "\n" + Fixtures.line("a", 2)
                + "\n" + "nope\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::line).containsExactly(2L, 3L));
    }

    @Test
    void emptyDatasetIsAnError() throws Exception {
        Path empty = Fixtures.write(dir.resolve("empty.jsonl"), "\n  \n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(empty), LoadOptions.lenient()))
                .isInstanceOf(DatasetException.class).hasMessage(empty + ": no items (no non-blank lines)");
        Path allBad = Fixtures.write(dir.resolve("bad.jsonl"), "1\n2\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(allBad), LoadOptions.lenient()))
                .isInstanceOf(DatasetException.class)
                .hasMessage(allBad + ": no valid items (2 invalid lines skipped)");
    }

    @Test
    void invalidUtf8IsLocated() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        byte[] good = (Fixtures.line("a", 1) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = GOOD.replace("Q?", "Qu\u00e9?").getBytes(StandardCharsets.ISO_8859_1);
        byte[] after = ("\n" + Fixtures.line("c", 3) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(concat(good, bad), after));
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOfSatisfying(DatasetException.class, e -> assertThat(e.problems())
                        .extracting(LoadProblem::toString)
                        .containsExactly(file + ":2: encoding: not valid UTF-8; save the file as UTF-8"));
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.lenient());
        assertThat(ds.size()).isEqualTo(2);
        assertThat(ds.skipped()).isEqualTo(1);
        assertThat(ds.problems()).extracting(LoadProblem::line).containsExactly(2L);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("a", "c");
        }
    }

    @Test
    void aFileInAnotherFormatIsNamedWithTheImportCommand() throws Exception {
        Path csv = Fixtures.write(dir.resolve("mine.jsonl"), "question,answers,views\nWho?,x,3\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(csv), LoadOptions.lenient()))
                .hasMessage(csv + ": this looks like CSV (comma-separated) with the header \"question,answers,views\","
                        + " not JSON Lines: use `tailgap datasets import table " + csv
                        + " --map question=COL,answers=COL,frequency=COL --out DATASET.jsonl`");
        Path tsv = Fixtures.write(dir.resolve("t.jsonl"), "question\tanswers\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(tsv), LoadOptions.strict()))
                .hasMessageContaining("this looks like TSV (tab-separated)");
        Path array = Fixtures.write(dir.resolve("a.json"), "[\n  {\"question\": \"Q\"}\n]\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(array), LoadOptions.strict()))
                .hasMessageContaining("this looks like one JSON document (an array over several lines)")
                .hasMessageNotContaining("Source").hasMessageNotContaining("StreamReadFeature");
        Path object = Fixtures.write(dir.resolve("o.json"), "{\n  \"dev\": []\n}\n");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(object), LoadOptions.strict()))
                .hasMessageContaining("(an object over several lines)");
        Path parquet = dir.resolve("p.parquet");
        Files.write(parquet, "PAR1\u0015\u0000garbage".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(parquet), LoadOptions.strict()))
                .hasMessageContaining("this is a Parquet file, not JSON Lines: use `tailgap datasets import table");
    }

    @Test
    void missingFileIsAClearError() {
        Path file = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict()))
                .isInstanceOf(DatasetException.class).hasMessage(file + ": no such file");
    }

    @Test
    void itemsStreamFailsWhenTheFileChangedAfterLoading() throws Exception {
        Path file = Fixtures.write(dir.resolve("data.jsonl"), Fixtures.line("a", 1) + "\n" + Fixtures.line("b", 2) + "\n");
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict());
        Fixtures.write(file, Fixtures.line("a", 1) + "\n" + Fixtures.line("z", 2) + "\n");
        try (Stream<Item> items = ds.items()) {
            assertThatThrownBy(items::toList).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("changed since it was loaded");
        }
    }

    @Test
    void loadsAGenerated200000LineFile() throws Exception {
        Path file = dir.resolve("big.jsonl");
        int n = 200_000;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(Fixtures.line("item-" + i, (i * 7919L) % 100_003));
                w.write('\n');
            }
        }
        Dataset ds = DatasetLoader.load(DatasetSource.file(file), LoadOptions.strict());
        assertThat(ds.size()).isEqualTo(n);
        assertThat(ds.frequency(n - 1)).isEqualTo(((n - 1) * 7919L) % 100_003);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.count()).isEqualTo(n);
        }
        try (Stream<Item> items = ds.items()) {
            assertThat(items.skip(n - 1).findFirst()).get().extracting(Item::id).isEqualTo("item-" + (n - 1));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
