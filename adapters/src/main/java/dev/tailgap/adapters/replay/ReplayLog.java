package dev.tailgap.adapters.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The recorded answers of a run's item log ({@code items.jsonl}), by item id. Reads the fields {@code id},
 * {@code rawAnswer}, {@code outcome}, {@code error}, {@code promptTokens} and {@code completionTokens} and ignores the
 * rest. An {@code ERROR} with a raw answer failed in scoring, not at the endpoint, so its answer is replayed. A last line cut short by a crash (no final newline, not valid JSON) is skipped, as the harness does; any other
 * bad line is an error naming file and line. When an id occurs twice the later line wins.
 */
final class ReplayLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded result: an answer, or the error the item ended in ({@code error != null}). */
    record Recorded(String rawAnswer, String error, int promptTokens, int completionTokens) {
    }

    private ReplayLog() {
    }

    static Map<String, Recorded> read(Path file) throws AdapterConfigException {
        Map<String, Recorded> byId = new HashMap<>();
        String pending = null;
        long lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (pending != null) {
                    throw new AdapterConfigException(pending);
                }
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    pending = file + ":" + lineNumber + ": not a JSON line";
                    continue;
                }
                String where = file + ":" + lineNumber;
                byId.put(text(node, "id", where), recorded(node, where));
            }
            if (pending != null && endsWithNewline(file)) {
                throw new AdapterConfigException(pending);
            }
        } catch (IOException e) {
            throw new AdapterConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return byId;
    }

    private static Recorded recorded(JsonNode node, String where) throws AdapterConfigException {
        if (!node.isObject()) {
            throw new AdapterConfigException(where + ": not a JSON object");
        }
        String outcome = text(node, "outcome", where);
        int prompt = tokens(node, "promptTokens");
        int completion = tokens(node, "completionTokens");
        JsonNode raw = node.get("rawAnswer");
        if (outcome.equals("ERROR") && (raw == null || !raw.isTextual())) {
            JsonNode error = node.get("error");
            return new Recorded(null, error != null && error.isTextual() ? error.asText() : "(no message)", prompt,
                    completion);
        }
        return new Recorded(text(node, "rawAnswer", where), null, prompt, completion);
    }

    private static String text(JsonNode node, String field, String where) throws AdapterConfigException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new AdapterConfigException(where + ": field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static int tokens(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToInt() ? v.asInt() : Completion.UNKNOWN;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            if (ch.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }
}
