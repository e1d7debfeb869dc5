package dev.tailgap.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The item-log line format both ways: every field written and read back, the lines sealed by a golden file, and the
 * streaming {@link ItemLineParser} agreeing with an independent tree-based reader ({@link TreeItemLines}) on every
 * line of a corpus of damaged ones, result for result and message for message.
 */
class ItemLineParserTest {
    private static final boolean UPDATE = Boolean.getBoolean("tailgap.updateGoldens");

    /** A result with every field set: reply facts, attempt, cache, judge, shots and samples (one failed). */
    static ItemResult everyField() {
        return new ItemResult("popqa:42", "Who was the director of \"Blade\" (1998)?",
                List.of("Stephen Norrington", "S. Norrington"), "Blade", "director", 48210.5, "torso",
                "<think>Blade, 1998...</think>It was Stephen Norrington.", "Stephen Norrington", Outcome.CORRECT, null,
                812, 31, 7, "stop", "Blade, 1998...", "qwen2.5-7b-instruct", "fp_44709d6fcb", 95, true, 3,
                "gold alias found in the answer",
                new JudgeVerdict("correct", "CORRECT: the answer names the director.", "openai:judge#1a2b3c",
                        Outcome.HALLUCINATED),
                List.of("popqa:7", "popqa:9"),
                List.of(new SampleAnswer("<think>Blade, 1998...</think>It was Stephen Norrington.",
                                "Stephen Norrington", Outcome.CORRECT, null),
                        new SampleAnswer("I am not sure.", "I am not sure.", Outcome.ABSTAINED, null),
                        new SampleAnswer(null, null, Outcome.ERROR, "HTTP 503 after 3 retries")));
    }

    /** The results the golden file holds, one a line: every field, the fewest fields, a failure, hard strings. */
    static List<ItemResult> goldenResults() {
        return List.of(everyField(),
                new ItemResult("x", null, List.of(), null, null, 0, "head", null, null, Outcome.ABSTAINED, null, 0,
                        -1, -1),
                ItemLogTest.error("e1"), ItemLogTest.tricky(), ItemLogTest.correct("c", 1.5e-7),
                ItemLogTest.correct("big", 1e22));
    }

    @Test
    void everyFieldRoundTrips() {
        ItemResult r = everyField();
        String line = ItemLog.toJsonLine(r);
        assertThat(ItemLog.parseLine(line)).isEqualTo(r);
        assertThat(TreeItemLines.parseLine(line)).isEqualTo(r);
        for (String field : List.of("finishReason", "reasoning", "servedModel", "fingerprint", "firstTokenMs",
                "cached", "attempt", "reason", "judge", "shots", "samples")) {
            assertThat(line).contains("\"" + field + "\":");
        }
    }

    @Test
    void linesMatchTheGoldenFileAndReadBack() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ItemResult r : goldenResults()) {
            sb.append(ItemLog.toJsonLine(r)).append('\n');
        }
        String written = sb.toString();
        Path golden = GoldenFileTest.goldenDir().resolve("items.jsonl");
        if (UPDATE) {
            Files.write(golden, written.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(golden).as("golden file missing; run with -Dtailgap.updateGoldens=true to create it").exists();
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), written,
                "items.jsonl changed; if intended, rerun with -Dtailgap.updateGoldens=true and review the diff");
        List<ItemResult> read = new ArrayList<>();
        try (ItemLog.Reader reader = ItemLog.read(golden)) {
            reader.forEach(read::add);
        }
        assertThat(read).isEqualTo(goldenResults());
    }

    @Test
    void agreesWithTheTreeReaderOnEveryDamagedLine() {
        Set<String> corpus = damaged();
        assertThat(corpus).hasSizeGreaterThan(1500);
        int failures = 0;
        ItemLineParser reused = new ItemLineParser(); // one parser for the whole corpus, as a log reader has
        for (String line : corpus) {
            Object tree = outcome(() -> TreeItemLines.parseLine(line));
            Object streamed = outcome(() -> ItemLog.parseLine(line));
            assertEquals(tree, streamed, "line " + line);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertEquals(tree, outcome(() -> reused.parse(bytes, 0, bytes.length)), "line (reused parser) " + line);
            if (tree instanceof String message) {
                failures++;
                boolean invalidJson = message.startsWith("invalid JSON");
                assertThatThrownBy(() -> ItemLog.parseLine(line))
                        .matches(e -> (e instanceof ItemLineParser.InvalidJson) == invalidJson,
                                "InvalidJson exactly when the line is not JSON")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
        }
        assertThat(failures).isGreaterThan(500).isLessThan(corpus.size());
    }

    @Test
    void failsTheSameWherePrecededByAByteOrderMark() {
        for (String line : List.of("{\"id\":\"x\",\"id\":\"y\"}", "{\"a\":[{\"b\":1,\"b\":2}]}",
                "{\"id\":\"x\",\"judge\":{\"reply\":null,\"reply\":1}}", "{\"id\":\"x\" 7}")) {
            byte[] bare = line.getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[bare.length + 3];
            framed[0] = (byte) 0xEF;
            framed[1] = (byte) 0xBB;
            framed[2] = (byte) 0xBF;
            System.arraycopy(bare, 0, framed, 3, bare.length);
            assertThatThrownBy(() -> new ItemLineParser().parse(framed, 3, bare.length))
                    .isInstanceOf(ItemLineParser.InvalidJson.class)
                    .hasMessage(outcome(() -> TreeItemLines.parseLine(line)).toString());
        }
    }

    @Test
    void aParserIsReusedLineAfterLineWithoutCarryingFieldsOver() {
        ItemLineParser p = new ItemLineParser();
        byte[] full = ItemLog.toJsonLine(everyField()).getBytes(StandardCharsets.UTF_8);
        byte[] bare = ItemLog.toJsonLine(goldenResults().get(1)).getBytes(StandardCharsets.UTF_8);
        assertThat(p.parse(full, 0, full.length)).isEqualTo(everyField());
        assertThat(p.parse(bare, 0, bare.length)).isEqualTo(goldenResults().get(1));
        byte[] framed = ("xx" + new String(full, StandardCharsets.UTF_8) + "yy").getBytes(StandardCharsets.UTF_8);
        assertThat(p.parse(framed, 2, full.length)).isEqualTo(everyField());
    }

    private static Object outcome(java.util.function.Supplier<ItemResult> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Each golden line with each field's value replaced, removed, doubled, cut short or followed by more. */
    static Set<String> damaged() {
        List<String> values = List.of("null", "\"s\"", "\"\"", "\"true\"", "\" true \"", "\"CORRECT\"",
                "\"ERROR\"", "0", "1", "-1", "7", "2.7", "-0.5", "1e30", "1e999", "-1e999", "99999999999",
                "-99999999999", "2147483648", "123456789012345678901234567890", "true", "false", "[]", "[\"a\"]",
                "[\"a\",7]", "[1]", "[{}]", "[{\"outcome\":\"CORRECT\"}]", "[{\"outcome\":\"MAYBE\"}]",
                "[{\"outcome\":\"ERROR\",\"rawAnswer\":3}]", "[null]", "{}", "{\"judge\":\"j\",\"ruleOutcome\":"
                        + "\"CORRECT\"}", "{\"judge\":\"j\"}", "{\"judge\":\"j\",\"ruleOutcome\":\"NOPE\"}",
                "{\"judge\":1,\"ruleOutcome\":\"CORRECT\",\"verdict\":[]}", "{\"a\":{\"b\":[1,{\"c\":null}]}}",
                "{\"judge\":\"j\",\"judge\":\"k\",\"ruleOutcome\":\"CORRECT\"}", "{\"x\":1,\"y\":2,\"x\":3}",
                "[{\"outcome\":\"CORRECT\",\"outcome\":\"ERROR\"}]", "[{\"a\":1,\"b\":{\"c\":1,\"c\":2}}]",
                "[\"a\",{\"k\":1,\"k\":1}]", "[[{\"\\u00e9\":1,\"\u00e9\":2}]]");
        List<String> fields = List.of("id", "question", "answers", "concept", "relation", "frequency", "bucket",
                "rawAnswer", "extracted", "outcome", "error", "latencyMs", "promptTokens", "completionTokens",
                "finishReason", "reasoning", "servedModel", "fingerprint", "firstTokenMs", "cached", "attempt",
                "reason", "judge", "shots", "samples", "unknown");
        Set<String> out = new LinkedHashSet<>();
        for (ItemResult r : goldenResults()) {
            String line = ItemLog.toJsonLine(r);
            out.add(line);
            String body = line.substring(1, line.length() - 1);
            for (String f : fields) {
                String without = removeField(body, f);
                out.add("{" + without + "}");
                for (String v : values) {
                    out.add("{" + (without.isEmpty() ? "" : without + ",") + "\"" + f + "\":" + v + "}");
                    out.add("{\"" + f + "\":" + v + (without.isEmpty() ? "" : "," + without) + "}");
                }
                out.add("{" + body + ",\"" + f + "\":null}");
            }
            for (int cut = 0; cut < line.length(); cut += 7) {
                out.add(line.substring(0, cut));
            }
            for (String tail : List.of(" ", " {}", " x", " 1", ",", "}", "\t\r")) {
                out.add(line + tail);
            }
        }
        for (String v : values) {
            out.add(v);
            out.add(v + " " + v);
        }
        out.addAll(List.of("", "   ", "{", "{\"id\":}", "{\"id\":\"a\" \"b\"}", "{\"id\":\"\\q\"}",
                "{\"id\":\"\u0001\"}", "{'id':'a'}", "{\"id\":NaN}", "[1,2] 3", "{} x", "{}  {}",
                "{\"a\":{\"b\":1,\"b\":2}}", "{\"id\":\"x\",\"id\":\"y\"}", "\"\\ud800\"",
                "{\"id\":\"\u00e9\u6f22\",\"\\u0069d\":\"y\"}", "{\"id\":\"x\",\r\n \"id\":\"y\"}",
                "{\"fut\\\"ure\":1,\"fut\\\"ure\":2}", "{\"id\":\"x\",\"\u00e9\":1,\"\\u00e9\":2}"));
        return out;
    }

    /** {@code body} (an object's fields without the braces) without top-level field {@code name}. */
    private static String removeField(String body, String name) {
        String key = "\"" + name + "\":";
        int at = topLevel(body, key);
        if (at < 0) {
            return body;
        }
        int end = valueEnd(body, at + key.length());
        String before = body.substring(0, at);
        String after = body.substring(end);
        if (after.startsWith(",")) {
            return before + after.substring(1);
        }
        return before.endsWith(",") ? before.substring(0, before.length() - 1) : before;
    }

    private static int topLevel(String body, String key) {
        int at = walk(body, 0, key);
        return at < body.length() ? at : -1;
    }

    private static int valueEnd(String body, int from) {
        return walk(body, from, null);
    }

    /**
     * The first place at the top level of {@code body} from {@code from} where {@code key} begins (a comma when
     * {@code key} is null); the end of {@code body} when there is none.
     */
    private static int walk(String body, int from, String key) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                if (key != null && depth == 0 && body.startsWith(key, i)) {
                    return i;
                }
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0 && key == null) {
                return i;
            }
        }
        return body.length();
    }
}
