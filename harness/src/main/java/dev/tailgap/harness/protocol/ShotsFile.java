package dev.tailgap.harness.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A shots file: JSON Lines, one shot per line, {@code {"question": ..., "answer": ...}} with optional {@code id}
 * (default {@code shots:LINE}), {@code concept} and {@code relation}; blank lines are skipped. Every shot is shown to
 * every item, in file order.
 */
public final class ShotsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShotsFile() {
    }

    /**
     * The shots in {@code file}; {@link IllegalArgumentException} with {@code file:line: field 'f': what} for a bad
     * line, {@link IOException} when it cannot be read.
     */
    public static List<Shot> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Shot> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(where + "not a JSON object");
            }
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(where + "not a JSON object");
            }
            String question = text(n, "question", where, true);
            String answer = text(n, "answer", where, true);
            String id = text(n, "id", where, false);
            id = id == null ? "shots:" + (i + 1) : id;
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + "field 'id': '" + id + "' appears twice");
            }
            out.add(new Shot(id, question, answer, text(n, "concept", where, false), text(n, "relation", where, false)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no shots (expected JSON lines with question and answer)");
        }
        return out;
    }

    private static String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + "field '" + field + "': missing");
            }
            return null;
        }
        if (!v.isTextual() || required && v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "field '" + field + "': expected non-empty text");
        }
        return v.asText();
    }
}
