package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines in any layout: one JSON object (or array) per line, read as one row; see {@link JsonFormat} for cells.
 * Blank lines are skipped; a line that is not JSON, not an object or array, or not valid UTF-8 is a problem of that
 * line and reading goes on.
 */
public final class JsonLinesFormat implements TableFormat {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public List<String> extensions() {
        return List.of(".jsonl", ".ndjson");
    }

    @Override
    public boolean sniff(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return firstLineIsObject(text);
    }

    /** Whether the first line of {@code text} is one whole JSON object. */
    static boolean firstLineIsObject(String text) {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        if (!first.startsWith("{")) {
            return false;
        }
        try {
            return ItemCodec.MAPPER.readTree(first).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Override
    public void read(Path file, TableOptions options, RowSink sink) throws DatasetException, IOException {
        try (LineReader reader = new LineReader(Files.newInputStream(file))) {
            while (true) {
                String line;
                try {
                    line = reader.next();
                } catch (CharacterCodingException e) {
                    sink.problem(reader.line(), "encoding", "not valid UTF-8; save the file as UTF-8");
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = ItemCodec.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    sink.problem(reader.line(), "json", "not valid JSON: " + ItemCodec.cleanJsonMessage(
                            e.getOriginalMessage()));
                    continue;
                }
                Map<String, Object> cells = JsonFormat.cells(node);
                if (cells == null) {
                    sink.problem(reader.line(), "json", "expected an object, got " + ItemCodec.describe(node));
                } else {
                    sink.row(reader.line(), cells);
                }
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new DatasetException(file + ": no such file");
        }
    }
}
