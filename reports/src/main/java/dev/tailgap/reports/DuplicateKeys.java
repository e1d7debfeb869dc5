package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Duplicate keys in an item-log line, found without Jackson's {@code STRICT_DUPLICATE_DETECTION} (a hash set per
 * object, the larger part of reading a line) yet failing as it does: {@code Duplicate field 'NAME'} at the column just
 * after the repeated name. The known fields of an object are tracked by the caller in a bit set; names it does not
 * know come here.
 */
final class DuplicateKeys {
    private final byte[] bytes;
    private final int off;
    private Set<String> unknown;

    /** Checks the names of one object of the line on {@code bytes} starting at {@code off}. */
    DuplicateKeys(byte[] bytes, int off) {
        this.bytes = bytes;
        this.off = off;
    }

    /** Notes a name the caller does not track; fails when the object had it already. */
    void unknownName(JsonParser p, String name) {
        if (unknown == null) {
            unknown = new HashSet<>();
        }
        if (!unknown.add(name)) {
            throw duplicate(p, bytes, off, name);
        }
    }

    /** The failure for the field name the parser is on, which the object had already. */
    static ItemLineParser.InvalidJson duplicate(JsonParser p, byte[] bytes, int off, String name) {
        JsonLocation at = p.currentTokenLocation(); // the name's opening quote
        int quote = off + (int) at.getByteOffset();
        int end = quote + 1;
        while (bytes[end] != '"') {
            end += bytes[end] == '\\' ? 2 : 1;
        }
        return new ItemLineParser.InvalidJson("invalid JSON: Duplicate field '" + name + "' (column "
                + (at.getColumnNr() + end - quote + 1) + ")", null);
    }

    /**
     * Skips the value whose first token is {@code t}, as {@link JsonParser#skipChildren} does, failing on a duplicate
     * key in any object within it.
     */
    static void skip(JsonParser p, JsonToken t, byte[] bytes, int off) throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        ArrayDeque<Set<String>> open = new ArrayDeque<>();
        open.push(t == JsonToken.START_OBJECT ? new HashSet<>() : Set.of());
        while (!open.isEmpty()) {
            JsonToken next = p.nextToken();
            if (next == JsonToken.FIELD_NAME) {
                if (!open.peek().add(p.currentName())) {
                    throw duplicate(p, bytes, off, p.currentName());
                }
            } else if (next == JsonToken.START_OBJECT) {
                open.push(new HashSet<>());
            } else if (next == JsonToken.START_ARRAY) {
                open.push(Set.of());
            } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                open.pop();
            }
        }
    }
}
