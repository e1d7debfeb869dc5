package dev.tailgap.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of malformed inputs for {@code import table}: each gives one problem per line naming file, line and
 * field, and writes nothing.
 */
class ImportCorpusTest {

    private static final String MAP = "question=q,answers=a,frequency=f";

    @TempDir
    Path dir;

    private List<String> problems(String name, byte[] content, Map<String, List<String>> extra) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Path out = dir.resolve(name + ".out.jsonl");
        Map<String, List<String>> options = new java.util.HashMap<>(extra);
        options.put("map", List.of(MAP));
        List<String>[] found = new List[1];
        assertThatThrownBy(() -> Importers.run("table", new ImportRequest(List.of(file), out, null, null, options)))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    found[0] = e.problems().stream().map(p -> p.toString().replace(file.toString(), name)).toList();
                    assertThat(e.getMessage()).doesNotContain("Source:").doesNotContain("Feature")
                            .doesNotContain("com.fasterxml").contains("nothing was written");
                    for (LoadProblem p : e.problems()) {
                        assertThat(p.location()).isEqualTo(file.toString());
                        assertThat(p.message()).doesNotContain("Source:").doesNotContain("Feature")
                                .doesNotContain("com.fasterxml").doesNotContain("\n");
                    }
                });
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no output").noneMatch(f -> f.contains(".out."));
        }
        return found[0];
    }

    private List<String> problems(String name, String content) throws Exception {
        return problems(name, content.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void wrongDelimiter() throws Exception {
        assertThat(problems("semi.csv", "q;a;f\nWho?;x;3\n".getBytes(StandardCharsets.UTF_8),
                Map.of("delimiter", List.of("comma")))).containsExactly(
                "semi.csv:1: q: no such column (mapped to question); the header has: one column, \"q;a;f\": it looks"
                        + " semicolon-separated; give --delimiter semicolon",
                "semi.csv:1: a: no such column (mapped to answers); the header has: one column, \"q;a;f\": it looks"
                        + " semicolon-separated; give --delimiter semicolon",
                "semi.csv:1: f: no such column (mapped to frequency); the header has: one column, \"q;a;f\": it looks"
                        + " semicolon-separated; give --delimiter semicolon");
        assertThat(problems("tabs.tsv", "q,a,f\nWho?,x,3\n")).containsExactly(
                "tabs.tsv:1: q: no such column (mapped to question); the header has: one column, \"q,a,f\": it looks"
                        + " comma-separated; give --delimiter comma",
                "tabs.tsv:1: a: no such column (mapped to answers); the header has: one column, \"q,a,f\": it looks"
                        + " comma-separated; give --delimiter comma",
                "tabs.tsv:1: f: no such column (mapped to frequency); the header has: one column, \"q,a,f\": it looks"
                        + " comma-separated; give --delimiter comma");
    }

    @Test
    void missingMappedColumn() throws Exception {
        assertThat(problems("nof.csv", "q,a,views\nWho?,x,3\n")).containsExactly(
                "nof.csv:1: f: no such column (mapped to frequency); the header has: q, a, views");
    }

    @Test
    void badNumbersEveryOne() throws Exception {
        assertThat(problems("num.csv", "q,a,f\nQ1?,x,3\nQ2?,y,many\nQ3?,z,-1\nQ4?,w,\nQ5?,v,1e999\n"))
                .containsExactly(
                        "num.csv:3: f: must be a number >= 0, got \"many\"",
                        "num.csv:4: f: must be a number >= 0, got \"-1\"",
                        "num.csv:5: f: missing (required, a number >= 0)",
                        "num.csv:6: f: must be a number >= 0, got \"1e999\"");
    }

    @Test
    void quoteErrors() throws Exception {
        assertThat(problems("open.csv", "q,a,f\nQ1?,x,3\n\"Q2?,y,4\nQ3?,z,5\n")).containsExactly(
                "open.csv:3: row: a quoted field that starts on this line is never closed (an unbalanced '\"')");
        assertThat(problems("inner.csv", "q,a,f\nQ1?,x,3\n\"Q2\" extra?,y,4\n")).hasSize(1)
                .allSatisfy(p -> assertThat(p).startsWith("inner.csv:3: row: "));
    }

    @Test
    void byteOrderMarkIsDroppedAndLinesStayRight() throws Exception {
        assertThat(problems("bom.csv", "\uFEFFq,a,f\nQ1?,x,3\nQ2?,y,bad\n")).containsExactly(
                "bom.csv:3: f: must be a number >= 0, got \"bad\"");
    }

    @Test
    void mixedLineEndsKeepLineNumbers() throws Exception {
        assertThat(problems("ends.csv", "q,a,f\r\nQ1?,x,1\nQ2?,y,2\r\nQ3?,z,bad\nQ4?,w,4\r\n")).containsExactly(
                "ends.csv:4: f: must be a number >= 0, got \"bad\"");
    }

    @Test
    void emptyFile() throws Exception {
        assertThat(problems("empty.csv", "")).containsExactly("empty.csv:0: file: empty; expected a header row");
        assertThat(problems("empty.txt", "")).containsExactly("empty.txt:0: file: empty; expected a header row or data");
        assertThat(problems("blank.csv", "\n\n")).containsExactly("blank.csv:0: file: empty; expected a header row");
    }

    @Test
    void aFiveMegabyteLine() throws Exception {
        String huge = "x".repeat(5 * 1024 * 1024);
        assertThat(problems("huge.csv", "q,a,f\nQ1?,x,1\n" + huge + ",y,2\n")).containsExactly(
                "huge.csv:3: q: value is 5,242,880 characters long (at most 100,000): is a quote left open?");
    }

    @Test
    void invalidUtf8() throws Exception {
        byte[] latin1 = "q,a,f\nQ1?,x,1\nQu\u00e9?,y,2\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems("latin1.csv", latin1, Map.of())).containsExactly(
                "latin1.csv:3: encoding: not valid UTF-8; save the file as UTF-8");
        byte[] jsonl = ("{\"q\":\"Q1?\",\"a\":\"x\",\"f\":1}\n{\"q\":\"Qu\u00e9?\",\"a\":\"y\",\"f\":2}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems("latin1.jsonl", jsonl, Map.of())).containsExactly(
                "latin1.jsonl:2: encoding: not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void brokenJson() throws Exception {
        assertThat(problems("cut.json", "[\n {\"q\": \"Q1?\", \"a\": [\"x\"], \"f\": 1},\n {\"q\": \"Q2?\"\n"))
                .hasSize(1).allSatisfy(p -> assertThat(p).startsWith("cut.json:").contains(": json: not valid JSON: "));
        assertThat(problems("lines.jsonl", "{\"q\":\"Q1?\",\"a\":\"x\",\"f\":1}\n{\"q\":\"Q2?\",\n[1]\n"))
                .containsExactly("lines.jsonl:2: json: not valid JSON: Unexpected end-of-input within/between Object"
                                + " entries",
                        "lines.jsonl:3: q: missing (empty)",
                        "lines.jsonl:3: a: missing (no non-empty answer)",
                        "lines.jsonl:3: f: missing (required, a number >= 0)");
    }

    @Test
    void rowsWithTheWrongFieldCount() throws Exception {
        assertThat(problems("count.csv", "q,a,f\nQ1?,x\nQ2?,y,2,extra\n")).containsExactly(
                "count.csv:2: f: the row has 2 comma-separated fields, the header 3",
                "count.csv:3: row: the row has 4 comma-separated fields, the header 3");
    }

    @Test
    void repeatedIdsAndQuestions() throws Exception {
        assertThat(problems("dup.csv", "q,a,f\nSame?,x,1\nSame?,y,2\n")).containsExactly(
                "dup.csv:3: question: duplicate id \"dup:7a067d3ae258\", first at dup.csv:2");
    }

    @Test
    void problemsAreCappedAndTheRestCounted() throws Exception {
        StringBuilder sb = new StringBuilder("q,a,f\n");
        for (int i = 0; i < 80; i++) {
            sb.append("Q").append(i).append("?,x,bad\n");
        }
        Path file = Fixtures.write(dir.resolve("many.csv"), sb.toString());
        assertThatThrownBy(() -> Importers.run("table", new ImportRequest(List.of(file), dir.resolve("m.jsonl"), null,
                null, Map.of("map", List.of(MAP)))))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    assertThat(e.problems()).hasSize(ImportSink.MAX_PROBLEMS);
                    assertThat(e.omittedProblems()).isEqualTo(80 - ImportSink.MAX_PROBLEMS);
                    assertThat(e).hasMessage(file + ": 80 problems in 80 rows; nothing was written");
                });
    }
}
