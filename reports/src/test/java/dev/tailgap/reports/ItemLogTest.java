package dev.tailgap.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemLogTest {
    @TempDir
    Path dir;

    static ItemResult correct(String id, double frequency) {
        return new ItemResult(id, "Who wrote " + id + "?", List.of("Mark Twain", "Samuel Clemens"), id, "author",
                frequency, "head", "Mark Twain wrote it.", "Mark Twain", Outcome.CORRECT, null, 812, 31, 7);
    }

    static ItemResult error(String id) {
        return new ItemResult(id, "What is the capital of Tuvalu?", List.of("Funafuti"), "Tuvalu", null, 0, "tail",
                null, null, Outcome.ERROR, "HTTP 503 after 3 retries", 30000, -1, -1);
    }

    static ItemResult tricky() {
        return new ItemResult("q-\u00e9\u6f22\ud83d\ude00",
                "Quote \"this\" \\ and\nnew line\ttab \u0001 \u2028 end",
                List.of("K\u00f6nig \"der\" Gro\u00dfe", "\u5317\u4eac", "emoji \ud83e\udd16", ""),
                "Caf\u00e9 \u00ab\u0301\u00bb", null, 1234.5, "torso",
                "Line one\r\nLine two\n\n\"quoted\" </script>", "Line one", Outcome.HALLUCINATED, null,
                0, 0, 0);
    }

    @Test
    void writesKeysInRecordOrderWithIntegralFrequencyAndNulls() {
        assertThat(ItemLog.toJsonLine(error("e1"))).isEqualTo(
                "{\"id\":\"e1\",\"question\":\"What is the capital of Tuvalu?\",\"answers\":[\"Funafuti\"],"
                        + "\"concept\":\"Tuvalu\",\"relation\":null,\"frequency\":0,\"bucket\":\"tail\","
                        + "\"rawAnswer\":null,\"extracted\":null,\"outcome\":\"ERROR\","
                        + "\"error\":\"HTTP 503 after 3 retries\",\"latencyMs\":30000,\"promptTokens\":-1,"
                        + "\"completionTokens\":-1}");
        assertThat(ItemLog.toJsonLine(correct("a", 48210.0))).contains("\"frequency\":48210,");
        assertThat(ItemLog.toJsonLine(correct("a", 1e15))).contains("\"frequency\":1000000000000000,");
        assertThat(ItemLog.toJsonLine(correct("a", 0.25))).contains("\"frequency\":0.25,");
        assertThat(ItemLog.toJsonLine(correct("a", 1.5e-7))).contains("\"frequency\":0.00000015,");
    }

    @Test
    void roundTripsUnicodeQuotesNewlinesNullsAndErrors() {
        for (ItemResult r : List.of(correct("a", 48210), correct("b", 0.1), correct("c", 1e22), error("d"),
                tricky())) {
            String line = ItemLog.toJsonLine(r);
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
            assertThat(ItemLog.parseLine(line)).isEqualTo(r);
        }
    }

    @Test
    void rejectsNonFiniteFrequencyOnWrite() {
        assertThatThrownBy(() -> ItemLog.toJsonLine(correct("a", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'frequency'");
    }

    @Test
    void readsAbsentNullableFieldsAndIgnoresUnknownKeys() {
        ItemResult r = ItemLog.parseLine("{\"id\":\"x\",\"answers\":[\"a\"],\"frequency\":3,\"bucket\":\"tail\","
                + "\"outcome\":\"ABSTAINED\",\"latencyMs\":5,\"promptTokens\":1,\"completionTokens\":2,\"future\":[1]}");
        assertThat(r).isEqualTo(new ItemResult("x", null, List.of("a"), null, null, 3, "tail", null, null,
                Outcome.ABSTAINED, null, 5, 1, 2));
    }

    @Test
    void parseErrorsAreOneLineAndNameTheField() {
        String good = ItemLog.toJsonLine(correct("a", 10));
        assertParseError(good.replace("\"id\":\"a\",", ""), "'id'");
        assertParseError(good.replace("\"outcome\":\"CORRECT\"", "\"outcome\":\"RIGHT\""), "'outcome'");
        assertParseError(good.replace("\"frequency\":10", "\"frequency\":\"10\""), "'frequency'");
        assertParseError(good.replace("\"frequency\":10", "\"frequency\":1e999"), "'frequency'");
        assertParseError(good.replace("\"latencyMs\":812", "\"latencyMs\":8.5"), "'latencyMs'");
        assertParseError(good.replace("\"promptTokens\":31", "\"promptTokens\":99999999999"), "'promptTokens'");
        assertParseError(good.replace("\"answers\":[\"Mark Twain\"", "\"answers\":[7"), "'answers[0]'");
        assertParseError(good.replace("\"bucket\":\"head\"", "\"bucket\":null"), "'bucket'");
        assertParseError(good.replace("\"rawAnswer\":\"Mark Twain wrote it.\"", "\"rawAnswer\":1"), "'rawAnswer'");
        assertParseError("[1,2]", "expected an object");
        assertParseError(good.substring(0, 40), "invalid JSON");
        assertParseError(good + " {}", "invalid JSON");
        assertParseError(good.replace("{\"id\":\"a\",", "{\"id\":\"a\",\"id\":\"b\","), "invalid JSON");
        assertParseError("", "invalid JSON");
    }

    private static void assertParseError(String line, String fragment) {
        assertThatThrownBy(() -> ItemLog.parseLine(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static String lines(ItemResult... rs) {
        StringBuilder sb = new StringBuilder();
        for (ItemResult r : rs) {
            sb.append(ItemLog.toJsonLine(r)).append('\n');
        }
        return sb.toString();
    }

    private static List<ItemResult> readAll(Path f) throws IOException {
        try (ItemLog.Reader reader = ItemLog.read(f)) {
            List<ItemResult> out = new ArrayList<>();
            for (ItemResult r : reader) {
                out.add(r);
            }
            return out;
        }
    }

    @Test
    void readsAWholeLogInOrder() throws IOException {
        String content = lines(correct("a", 1), tricky(), error("c"));
        Path f = write("items.jsonl", content);
        try (ItemLog.Reader reader = ItemLog.read(f)) {
            assertThat(reader.nextResult()).isEqualTo(correct("a", 1));
            assertThat(reader.nextResult()).isEqualTo(tricky());
            assertThat(reader.nextResult()).isEqualTo(error("c"));
            assertThat(reader.nextResult()).isNull();
            assertThat(reader.nextResult()).isNull();
            assertThat(reader.truncatedTail()).isFalse();
            assertThat(reader.needsNewline()).isFalse();
            assertThat(reader.validLength()).isEqualTo(Files.size(f));
            assertThat(reader.lineNumber()).isEqualTo(3);
        }
    }

    @Test
    void skipsATruncatedLastLineAndReportsIt() throws IOException {
        String good = lines(correct("a", 1), correct("b", 2));
        String partial = ItemLog.toJsonLine(tricky());
        for (int cut : new int[] {1, 17, partial.length() / 2, partial.length() - 1}) {
            Path f = write("crash" + cut + ".jsonl", good + partial.substring(0, cut));
            try (ItemLog.Reader reader = ItemLog.read(f)) {
                List<ItemResult> got = reader.stream().collect(Collectors.toList());
                assertThat(got).containsExactly(correct("a", 1), correct("b", 2));
                assertThat(reader.truncatedTail()).as("cut at %d", cut).isTrue();
                assertThat(reader.validLength()).isEqualTo(good.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    void skipsATailCutInsideAMultiByteCharacter() throws IOException {
        byte[] good = lines(correct("a", 1)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = ItemLog.toJsonLine(tricky()).getBytes(StandardCharsets.UTF_8);
        int cut = ItemLog.toJsonLine(tricky()).indexOf('\u00e9') + 1; // 'q-' is 2 bytes + 1 byte into é + quote/id
        byte[] all = new byte[good.length + cut];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(tail, 0, all, good.length, cut);
        Path f = dir.resolve("mb.jsonl");
        Files.write(f, all);
        assertThat(readAll(f)).containsExactly(correct("a", 1));
    }

    @Test
    void acceptsACompleteLastLineWithoutNewline() throws IOException {
        String content = lines(correct("a", 1)) + ItemLog.toJsonLine(error("b"));
        Path f = write("nonl.jsonl", content);
        try (ItemLog.Reader reader = ItemLog.read(f)) {
            assertThat(reader.stream().map(ItemResult::id)).containsExactly("a", "b");
            assertThat(reader.truncatedTail()).isFalse();
            assertThat(reader.needsNewline()).isTrue();
            assertThat(reader.validLength()).isEqualTo(Files.size(f));
        }
    }

    @Test
    void invalidLinesElsewhereNameFileAndLine() throws IOException {
        String bad = lines(correct("a", 1)) + "{not json}\n" + lines(correct("c", 3));
        Path f = write("bad.jsonl", bad);
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(UncheckedIOException.class)
                .cause().isInstanceOf(IOException.class).hasMessageStartingWith(f + ":2: invalid JSON");

        String badField = lines(correct("a", 1), correct("b", 2)).replace("\"outcome\":\"CORRECT\",\"error\":null,"
                + "\"latencyMs\":812,\"promptTokens\":31,\"completionTokens\":7}\n{\"id\":\"b\"",
                "\"outcome\":\"MAYBE\",\"error\":null,\"latencyMs\":812,\"promptTokens\":31,\"completionTokens\":7}\n"
                        + "{\"id\":\"b\"");
        Path g = write("badfield.jsonl", badField);
        try (ItemLog.Reader reader = ItemLog.read(g)) {
            assertThatThrownBy(reader::nextResult).isInstanceOf(IOException.class)
                    .hasMessage(g + ":1: field 'outcome': unknown value \"MAYBE\", expected CORRECT, HALLUCINATED,"
                            + " ABSTAINED or ERROR");
        }
    }

    @Test
    void anInvalidLastLineWithItsNewlineIsAnError() throws IOException {
        Path f = write("badlast.jsonl", lines(correct("a", 1)) + "{\"id\":\n");
        assertThatThrownBy(() -> readAll(f)).hasRootCauseInstanceOf(Exception.class)
                .hasMessageContaining(":2: invalid JSON");
    }

    @Test
    void aCompleteButInvalidUnterminatedLastLineIsAnError() throws IOException {
        Path f = write("badnonl.jsonl", lines(correct("a", 1)) + "{\"id\":\"b\"}");
        assertThatThrownBy(() -> readAll(f)).hasMessageContaining(":2: field 'answers'");
    }

    @Test
    void skipsBlankLinesCrLfAndByteOrderMark() throws IOException {
        String content = "\ufeff" + ItemLog.toJsonLine(correct("a", 1)) + "\r\n\n   \n"
                + ItemLog.toJsonLine(correct("b", 2)) + "\r\n\n";
        Path f = write("crlf.jsonl", content);
        try (ItemLog.Reader reader = ItemLog.read(f)) {
            assertThat(reader.stream().map(ItemResult::id)).containsExactly("a", "b");
            assertThat(reader.validLength()).isEqualTo(Files.size(f));
            assertThat(reader.truncatedTail()).isFalse();
        }
    }

    @Test
    void emptyFileHasNoResults() throws IOException {
        assertThat(readAll(write("empty.jsonl", ""))).isEmpty();
    }

    @Test
    void iteratesOnlyOnceAndStreamCloseClosesTheReader() throws IOException {
        Path f = write("once.jsonl", lines(correct("a", 1)));
        ItemLog.Reader reader = ItemLog.read(f);
        try (Stream<ItemResult> s = reader.stream()) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        assertThat(reader.nextResult()).isNull();
    }

    @Test
    void readsLinesLongerThanTheBuffers() throws IOException {
        String longAnswer = "x\"\u00e9\n".repeat(100_000);
        ItemResult big = new ItemResult("big", "q", List.of("a"), "c", "r", 7, "tail", longAnswer, "x",
                Outcome.HALLUCINATED, null, 1, 2, 3);
        Path f = write("big.jsonl", lines(correct("a", 1), big, correct("c", 3)));
        assertThat(readAll(f)).containsExactly(correct("a", 1), big, correct("c", 3));
    }

    @Test
    void streamsAMillionLinesInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                ItemLogStreamingMain.class.getName(), "1000000")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("read 1000000 results, 250000 errors");
    }

    @Test
    void generatedStreamMatchesToJsonLine() throws IOException {
        byte[] bytes = new ItemLogStreamingMain.Lines(3).readAllBytes();
        try (ItemLog.Reader reader = new ItemLog.Reader(new ByteArrayInputStream(bytes), "gen")) {
            List<ItemResult> rs = reader.stream().collect(Collectors.toList());
            assertThat(rs).hasSize(3);
            StringBuilder sb = new StringBuilder();
            rs.forEach(r -> sb.append(ItemLog.toJsonLine(r)).append('\n'));
            assertThat(sb.toString()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
