package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopQaImporterTest {

    private static final String UPSTREAM_HEADER = "id\tsubj\tprop\tobj\tsubj_id\tprop_id\tobj_id\ts_aliases\to_aliases"
            + "\ts_uri\to_uri\ts_wiki_title\to_wiki_title\ts_pop\to_pop\tquestion\tpossible_answers";

    @TempDir
    Path dir;

    @Test
    void importsTheMergedLayout() throws Exception {
        Path out = dir.resolve("popqa.jsonl");
        ImportResult result = PopQaImporter.importTsv(Fixtures.resource("popqa/merged-sample.tsv"), out,
                PopQaImporter.Options.defaults());
        assertThat(result.read()).isEqualTo(4);
        assertThat(result.written()).isEqualTo(4);
        assertThat(result.filteredOut()).isZero();
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        assertThat(ds.sha256()).isEqualTo(result.sha256());
        assertThat(ds.manifest()).isEqualTo(result.manifest());
        assertThat(ds.manifest().name()).isEqualTo("popqa");
        assertThat(ds.manifest().version()).isEqualTo("sha-" + result.sha256().substring(0, 12));
        assertThat(ds.manifest().license()).isEqualTo("MIT");
        assertThat(ds.manifest().source()).startsWith("PopQA (Mallen et al. 2023)").endsWith("merged-sample.tsv");
        assertThat(ds.manifest().frequencySource()).isEqualTo("monthly Wikipedia page views of the subject (s_pop)");
        assertThat(ds.manifest().bucketing()).isEqualTo("log10");
        try (Stream<Item> items = ds.items()) {
            List<Item> list = items.toList();
            Item first = list.get(0);
            assertThat(first.id()).isEqualTo("popqa:101");
            assertThat(first.question()).isEqualTo("What is the capital of Velmora?");
            assertThat(first.answers()).containsExactly("Ostrava Nova", "Nova");
            assertThat(first.concept()).isEqualTo("Velmora");
            assertThat(first.frequency()).isEqualTo(131414);
            assertThat(first.relation()).isEqualTo("capital");
            assertThat(first.meta()).containsExactly(Map.entry("in_longtail1399", false),
                    Map.entry("in_neuropath1000", false), Map.entry("in_random2000", true), Map.entry("o_pop", 2000),
                    Map.entry("obj", "Ostrava Nova"), Map.entry("s_wiki_title", "Velmora"));
            Item neuropath = list.get(2);
            assertThat(neuropath.id()).isEqualTo("neuropath:7");
            assertThat(neuropath.answers()).as("blank and repeated answers dropped")
                    .containsExactly("journalist", "journo");
            assertThat(neuropath.meta()).doesNotContainKeys("o_pop", "obj", "s_wiki_title", "full_row");
            assertThat(list.get(1).answers()).contains("République fictive");
        }
        assertThat(Files.readString(DatasetWriter.manifestPath(out))).startsWith("name: popqa\nversion: sha-");
    }

    @Test
    void filtersWithWhereAndNamesTheDataset() throws Exception {
        Path out = dir.resolve("r.jsonl");
        ImportResult result = PopQaImporter.importTsv(Fixtures.resource("popqa/merged-sample.tsv"), out,
                PopQaImporter.Options.defaults().withWhere("in_random2000=true").withWhere("full_row=false")
                        .withName("popqa-random").withVersion("2023"));
        assertThat(result.read()).isEqualTo(4);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.filteredOut()).isEqualTo(2);
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        assertThat(ds.manifest().id()).isEqualTo("popqa-random@2023");
        assertThat(ds.manifest().description()).endsWith("rows where in_random2000=true and full_row=false");
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("neuropath:7", "popqa:104");
        }
    }

    @Test
    void importsTheUpstreamLayoutWithPandasQuoting() throws Exception {
        Path out = dir.resolve("up.jsonl");
        ImportResult result = PopQaImporter.importTsv(Fixtures.resource("popqa/upstream-sample.tsv"), out,
                PopQaImporter.Options.defaults());
        assertThat(result.written()).isEqualTo(2);
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        try (Stream<Item> items = ds.items()) {
            List<Item> list = items.toList();
            assertThat(list.get(0).id()).isEqualTo("popqa:4222362");
            assertThat(list.get(0).answers()).containsExactly("politician", "political leader");
            assertThat(list.get(0).relation()).isEqualTo("occupation");
            assertThat(list.get(0).meta()).containsOnlyKeys("o_pop", "obj", "s_wiki_title");
            assertThat(list.get(1).id()).isEqualTo("popqa:17");
            assertThat(list.get(1).relation()).isEqualTo("place of birth");
            assertThat(list.get(1).frequency()).isEqualTo(9);
        }
    }

    @Test
    void isDeterministic() throws Exception {
        Path a = dir.resolve("a/p.jsonl");
        Path b = dir.resolve("b/p.jsonl");
        PopQaImporter.importTsv(Fixtures.resource("popqa/merged-sample.tsv"), a, PopQaImporter.Options.defaults());
        PopQaImporter.importTsv(Fixtures.resource("popqa/merged-sample.tsv"), b, PopQaImporter.Options.defaults());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(DatasetWriter.manifestPath(a)))
                .isEqualTo(Files.readAllBytes(DatasetWriter.manifestPath(b)));
    }

    @Test
    void badRowsNameFileLineAndColumnAndWriteNothing() throws Exception {
        Path tsv = Fixtures.write(dir.resolve("bad.tsv"), UPSTREAM_HEADER + "\n"
                + row("1", "A", "12", "[\"x\"]") + "\n\n"
                + row("2", "B", "many", "[\"y\"]") + "\n"
                + row("3", "C", "7", "[\"unclosed") + "\n"
                + "4\tD\toccupation\n"
                + row("5", "", "8", "[3]") + "\n"
                + row("1", "F", "9", "{}") + "\n"
                + row("7", "G", "-2", "[\" \"]") + "\n");
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> PopQaImporter.importTsv(tsv, out, PopQaImporter.Options.defaults()))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).extracting(LoadProblem::toString).containsExactly(
                            tsv + ":4: s_pop: must be a number >= 0, got \"many\"",
                            tsv + ":5: possible_answers: not a JSON array of strings: Unexpected end-of-input: was"
                                    + " expecting closing quote for a string value",
                            tsv + ":6: obj: missing: the row has 3 tab-separated fields, the header 17",
                            tsv + ":7: subj: missing (empty)",
                            tsv + ":7: possible_answers: must contain only strings, got 3",
                            tsv + ":8: possible_answers: must be a JSON array of strings, got an object",
                            tsv + ":9: possible_answers: has no non-empty answer",
                            tsv + ":9: s_pop: must be a number >= 0, got \"-2\"");
                    assertThat(e.getMessage()).isEqualTo(tsv + ": 6 bad rows (first: " + e.problems().get(0)
                            + "); nothing was written");
                });
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.tsv");
        }
    }

    @Test
    void duplicateIdsAreBadRows() throws Exception {
        Path tsv = Fixtures.write(dir.resolve("dup.tsv"), UPSTREAM_HEADER + "\n" + row("1", "A", "12", "[\"x\"]")
                + "\n" + row("1", "B", "13", "[\"y\"]") + "\n");
        assertThatThrownBy(() -> PopQaImporter.importTsv(tsv, dir.resolve("o.jsonl"), PopQaImporter.Options.defaults()))
                .hasMessage(tsv + ": 1 bad row (first: " + tsv + ":3: id: duplicate id \"popqa:1\", first on line 2);"
                        + " nothing was written");
    }

    @Test
    void headerAndFilterProblemsAreClear() throws Exception {
        Path noPop = Fixtures.write(dir.resolve("nopop.tsv"), "id\tsubj\tquestion\tpossible_answers\n");
        assertThatThrownBy(() -> PopQaImporter.importTsv(noPop, dir.resolve("o.jsonl"),
                PopQaImporter.Options.defaults()))
                .hasMessage(noPop + ":1: s_pop: missing column (header has: id, subj, question, possible_answers)");
        Path ok = Fixtures.write(dir.resolve("ok.tsv"), UPSTREAM_HEADER + "\n" + row("1", "A", "12", "[\"x\"]") + "\n");
        assertThatThrownBy(() -> PopQaImporter.importTsv(ok, dir.resolve("o.jsonl"),
                PopQaImporter.Options.defaults().withWhere("in_random2000=true")))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("where in_random2000=true: no column 'in_random2000' in " + ok);
        assertThatThrownBy(() -> PopQaImporter.Options.defaults().withWhere("in_random2000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column=value");
        assertThatThrownBy(() -> PopQaImporter.importTsv(ok, dir.resolve("o.jsonl"),
                PopQaImporter.Options.defaults().withWhere("subj=Z")))
                .hasMessage(ok + ": no rows to import (1 read, 1 filtered out by subj=Z)");
    }

    @Test
    void importsTheSharedPopQaRandomSampleWithTheReadmeCounts() throws Exception {
        Optional<Path> tsv = Fixtures.shared("datasets/popqa/popqa_merged.tsv");
        assumeThat(tsv).as("shared PopQA data").isPresent();
        Path out = dir.resolve("popqa-random2000.jsonl");
        ImportResult result = PopQaImporter.importTsv(tsv.get(), out,
                PopQaImporter.Options.defaults().withWhere("in_random2000=true").withName("popqa-random2000"));
        assertThat(result.read()).isEqualTo(3818);
        assertThat(result.written()).isEqualTo(2000);
        assertThat(result.filteredOut()).isEqualTo(1818);

        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        assertThat(ds.size()).isEqualTo(2000);
        Bucketing log10 = ds.bucketing(BucketScheme.parse("log10"));
        Map<String, Integer> bySize = new HashMap<>();
        log10.buckets().forEach(b -> bySize.put(b.name(), b.size()));
        int below100 = log10.buckets().stream().filter(b -> b.upper() <= 100).mapToInt(Bucket::size).sum();
        assertThat(below100).isEqualTo(200);
        assertThat(bySize.get("1e2-1e3")).isEqualTo(812);
        assertThat(bySize.get("1e3-1e4")).isEqualTo(576);
        int atLeast10k = log10.buckets().stream().filter(b -> b.lower() >= 10_000).mapToInt(Bucket::size).sum();
        assertThat(atLeast10k).isEqualTo(412);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::relation).distinct().count()).isEqualTo(16);
        }
        ImportResult all = PopQaImporter.importTsv(tsv.get(), dir.resolve("popqa.jsonl"),
                PopQaImporter.Options.defaults());
        assertThat(all.written()).isEqualTo(3818);
        assertThat(DatasetLoader.load(DatasetSource.file(dir.resolve("popqa.jsonl")), LoadOptions.strict()).size())
                .isEqualTo(3818);
    }

    @Test
    void acceptsBomAndCrlf() throws Exception {
        Path tsv = Fixtures.write(dir.resolve("crlf.tsv"), "\uFEFF" + UPSTREAM_HEADER + "\r\n"
                + row("1", "A", "12", "[\"x\"]") + "\r\n" + row("2", "B", "3.5", "[\"y\"]") + "\r\n");
        Path out = dir.resolve("crlf.jsonl");
        assertThat(PopQaImporter.importTsv(tsv, out, PopQaImporter.Options.defaults()).written()).isEqualTo(2);
        Dataset ds = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict());
        assertThat(ds.frequencies()).containsExactly(12, 3.5);
        try (Stream<Item> items = ds.items()) {
            assertThat(items.map(Item::id)).containsExactly("popqa:1", "popqa:2");
        }
    }

    private static String row(String id, String subj, String sPop, String answers) {
        return String.join("\t", id, subj, "occupation", "obj" + id, "", "", "", "[]", "[]", "", "", "", "", sPop,
                "", "Question " + id + "?", answers);
    }

    @Test
    void keepsSubjectAliasesAsConceptAliasesAndMergesObjectAliasesIntoAnswers() throws Exception {
        Path tsv = Fixtures.write(dir.resolve("aliases.tsv"), UPSTREAM_HEADER + "\n"
                + String.join("\t", "1", "George Rankin", "occupation", "politician", "", "", "",
                        "[\"George James Rankin\", \"\", \"G. Rankin\"]", "[\"political leader\",\"pol\"]", "", "", "",
                        "", "142", "", "What is George Rankin's occupation?", "[\"politician\", \"political leader\"]")
                + "\n" + row("2", "B", "3", "[\"y\"]") + "\n");
        Path out = dir.resolve("aliases.jsonl");
        PopQaImporter.importTsv(tsv, out, PopQaImporter.Options.defaults());
        try (Stream<Item> items = DatasetLoader.load(DatasetSource.file(out), LoadOptions.strict()).items()) {
            List<Item> list = items.toList();
            assertThat(list.get(0).conceptAliases()).containsExactly("George James Rankin", "G. Rankin");
            assertThat(list.get(0).answers()).containsExactly("politician", "political leader", "pol");
            assertThat(list.get(1).conceptAliases()).isEmpty();
        }
    }
}
