package dev.tailgap.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemLogLookupTest {
    @TempDir
    Path dir;

    @Test
    void readsEachLineAgainWhereTheReaderSaysItBegins() throws IOException {
        String big = "x".repeat(100_000); // a line longer than the reader's buffer and the lookup's first one
        ItemResult longOne = ItemLogTest.correct("long", 3).rescored("head", big, Outcome.CORRECT, null, null, null);
        String content = "\ufeff" + ItemLog.toJsonLine(ItemLogTest.correct("a", 1)) + "\r\n\n  \n"
                + ItemLog.toJsonLine(ItemLineParserTest.everyField()) + "\n" + ItemLog.toJsonLine(longOne) + "\n"
                + ItemLog.toJsonLine(ItemLogTest.tricky()) + "\r\n" + ItemLog.toJsonLine(ItemLogTest.error("z"));
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        List<ItemResult> read = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (ItemLog.Reader reader = ItemLog.read(f)) {
            for (ItemResult r = reader.nextResult(); r != null; r = reader.nextResult()) {
                read.add(r);
                offsets.add(reader.lineOffset());
            }
        }
        assertThat(read).hasSize(5);
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 1; i < offsets.size(); i++) {
            assertThat(bytes[(int) (long) offsets.get(i) - 1]).as("a line begins after a newline").isEqualTo((byte) '\n');
        }
        try (ItemLogLookup lookup = ItemLogLookup.open(f)) {
            for (int i = read.size() - 1; i >= 0; i--) {
                assertThat(lookup.at(offsets.get(i))).isEqualTo(read.get(i));
            }
        }
    }

    @Test
    void saysWhereWhenNoResultBeginsThere() throws IOException {
        String line = ItemLog.toJsonLine(ItemLogTest.correct("a", 1));
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, line + "\n", StandardCharsets.UTF_8);
        try (ItemLogLookup lookup = ItemLogLookup.open(f)) {
            assertThatThrownBy(() -> lookup.at(5)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(f + ": the line at byte 5: invalid JSON");
            assertThatThrownBy(() -> lookup.at(line.length() + 1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("the line at byte " + (line.length() + 1) + ": no line there");
        }
    }
}
