package dev.tailgap.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON document holding rows: an array of rows, or an object whose array-valued keys each hold rows (as Hugging
 * Face and many papers ship splits: {@code {"dev": [...], "test": [...]}}; other keys are ignored). A row is an object
 * (its keys are the columns) or an array (columns {@code 0}, {@code 1}, ...). In an object of arrays each row also
 * gets the column {@code group}, the key it was under, unless it has one. The line of a row is where it starts.
 */
public final class JsonFormat implements TableFormat {

    private static final com.fasterxml.jackson.databind.ObjectReader TREE = ItemCodec.MAPPER.reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The column holding the key of an object of arrays a row was under. */
    public static final String GROUP = "group";

    @Override
    public String name() {
        return "json";
    }

    @Override
    public List<String> extensions() {
        return List.of(".json");
    }

    @Override
    public boolean sniff(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        return text.startsWith("[") || text.startsWith("{") && !JsonLinesFormat.firstLineIsObject(text);
    }

    @Override
    public void read(Path file, TableOptions options, RowSink sink) throws DatasetException, IOException {
        String location = file.toString();
        long line = 1;
        try (InputStream in = Files.newInputStream(file); JsonParser p = ItemCodec.MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DatasetException(new LoadProblem(location, 0, "file", "empty; expected a JSON array or "
                        + "object of rows"));
            }
            if (t == JsonToken.START_ARRAY) {
                rows(p, null, sink);
            } else if (t == JsonToken.START_OBJECT) {
                boolean any = false;
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    line = p.currentTokenLocation().getLineNr();
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        any = true;
                        rows(p, key, sink);
                    } else {
                        p.skipChildren();
                    }
                }
                if (!any) {
                    throw new DatasetException(new LoadProblem(location, 1, "json", "an object with no array of "
                            + "rows in it; expected [ {...}, ... ] or {\"split\": [ {...}, ... ]}"));
                }
            } else {
                throw new DatasetException(new LoadProblem(location, 1, "json", "expected a JSON array or object "
                        + "of rows, got " + t.asString()));
            }
            line = p.currentLocation().getLineNr();
            if (p.nextToken() != null) {
                throw new DatasetException(new LoadProblem(location, p.currentTokenLocation().getLineNr(), "json",
                        "extra content after the JSON document"));
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(location + ": no such file");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            if (msg.contains("UTF-8") || msg.contains("UTF8")) {
                throw new DatasetException(new LoadProblem(location, at, "encoding",
                        "not valid UTF-8; save the file as UTF-8"));
            }
            throw new DatasetException(new LoadProblem(location, at, "json", "not valid JSON: "
                    + ItemCodec.cleanJsonMessage(msg)));
        }
    }

    private static void rows(JsonParser p, String group, RowSink sink) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            long line = p.currentTokenLocation().getLineNr();
            JsonNode node = TREE.readTree(p);
            Map<String, Object> cells = cells(node);
            if (cells == null) {
                sink.problem(line, "row", "expected an object or array, got " + ItemCodec.describe(node));
                continue;
            }
            if (group != null) {
                cells.putIfAbsent(GROUP, group);
            }
            sink.row(line, cells);
        }
    }

    /** The cells of an object or array row, or {@code null} for anything else. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cells(JsonNode node) {
        Map<String, Object> cells = new LinkedHashMap<>();
        if (node.isObject()) {
            cells.putAll(ItemCodec.MAPPER.convertValue(node, Map.class));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                cells.put(Integer.toString(i), ItemCodec.MAPPER.convertValue(node.get(i), Object.class));
            }
        } else {
            return null;
        }
        return cells;
    }
}
