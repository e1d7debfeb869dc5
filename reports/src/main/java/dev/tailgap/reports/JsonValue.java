package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One field's value as {@link ItemLineParser} met it in the token stream, kept until the line is judged: its kind, and
 * for scalars the value (of an array, its string elements and the first other one's kind). Its accessors fail as
 * {@link JsonTrees.Obj}'s do, with a one-line message naming the field. Mutable, reused line after line.
 */
final class JsonValue {
    static final byte ABSENT = 0;
    static final byte NULL = 1;
    static final byte STRING = 2;
    static final byte INTEGER = 3;
    static final byte BIG_INTEGER = 4;
    static final byte FLOAT = 5;
    static final byte TRUE = 6;
    static final byte FALSE = 7;
    static final byte ARRAY = 8;
    static final byte OBJECT = 9;

    byte kind;
    private String text;
    private long integer;
    private double number;
    private BigInteger big;
    /** An array's string elements; the index and kind of its first other element. */
    private final List<String> strings = new ArrayList<>();
    int badIndex = -1;
    byte badKind;

    /** A field whose values repeat from line to line (a bucket, an outcome): an equal one is not made again. */
    private final boolean recurring;
    private String previous;

    JsonValue(boolean recurring) {
        this.recurring = recurring;
    }

    /** {@code n} slots, those named in {@code recurring} kept from line to line when equal. */
    static JsonValue[] slots(int n, int... recurring) {
        JsonValue[] out = new JsonValue[n];
        for (int i = 0; i < n; i++) {
            boolean r = false;
            for (int k : recurring) {
                r |= k == i;
            }
            out[i] = new JsonValue(r);
        }
        return out;
    }

    void clear() {
        kind = ABSENT;
        text = null;
        big = null;
        strings.clear();
        badIndex = -1;
    }

    /**
     * Reads the value whose first token is {@code t}: a scalar whole, an object or array only its kind (the caller
     * skips it).
     */
    void read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING -> {
                kind = STRING;
                text = recurring ? recurring(p) : p.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    kind = BIG_INTEGER;
                    big = p.getBigIntegerValue();
                } else {
                    kind = INTEGER;
                    integer = p.getLongValue();
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                kind = FLOAT;
                number = p.getDoubleValue();
            }
            case VALUE_TRUE -> kind = TRUE;
            case VALUE_FALSE -> kind = FALSE;
            case VALUE_NULL -> kind = NULL;
            case START_ARRAY -> kind = ARRAY;
            default -> kind = OBJECT;
        }
    }

    /** The string the parser is on: the one this field had on an earlier line when it is the same. */
    private String recurring(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int from = p.getTextOffset();
        int length = p.getTextLength();
        String last = previous;
        if (last != null && last.length() == length) {
            int i = 0;
            while (i < length && last.charAt(i) == chars[from + i]) {
                i++;
            }
            if (i == length) {
                return last;
            }
        }
        previous = new String(chars, from, length);
        return previous;
    }

    /** Adds a string element of an array. */
    void addString(String s) {
        strings.add(s);
    }

    void noteBadElement(int index, byte elementKind) {
        if (badIndex < 0) {
            badIndex = index;
            badKind = elementKind;
        }
    }

    boolean absentOrNull() {
        return kind == ABSENT || kind == NULL;
    }

    String string(String path) {
        if (kind != STRING) {
            throw fail(path, "expected a string", this);
        }
        return text;
    }

    /** A string, or null when the field is null or absent. */
    String stringOrNull(String path) {
        return absentOrNull() ? null : string(path);
    }

    /** The array's strings (the caller copies them before the next line). */
    List<String> strings(String path) {
        if (kind != ARRAY) {
            throw fail(path, "expected an array", this);
        }
        if (badIndex >= 0) {
            throw fail(path + "[" + badIndex + "]", "expected a string", badKind);
        }
        return strings;
    }

    /** Any number, as a double that must be finite. */
    double finiteNumber(String path) {
        double d = switch (kind) {
            case INTEGER -> integer;
            case BIG_INTEGER -> big.doubleValue();
            case FLOAT -> number;
            default -> throw fail(path, "expected a number", this);
        };
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("field '" + path + "': expected a finite number, got "
                    + (kind == BIG_INTEGER ? big.toString() : "\"" + d + "\""));
        }
        return d;
    }

    long longValue(String path) {
        if (kind != INTEGER) {
            throw fail(path, "expected an integer", this);
        }
        return integer;
    }

    int intValue(String path) {
        if (kind != INTEGER || integer != (int) integer) {
            throw fail(path, "expected an integer (32-bit)", this);
        }
        return (int) integer;
    }

    Outcome outcome(String path) {
        String name = string(path);
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + path + "': unknown value \"" + name
                    + "\", expected CORRECT, HALLUCINATED, ABSTAINED or ERROR");
        }
    }

    /** An integer, or a number truncated to one, that fits a long; else {@code otherwise}. */
    long lenientLong(long otherwise) {
        if (kind == INTEGER) {
            return integer;
        }
        return kind == FLOAT && number >= Long.MIN_VALUE && number <= Long.MAX_VALUE ? (long) number : otherwise;
    }

    /** An integer, or a number truncated to one, that fits an int; else {@code otherwise}. */
    int lenientInt(int otherwise) {
        if (kind == INTEGER) {
            return integer == (int) integer ? (int) integer : otherwise;
        }
        return kind == FLOAT && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? (int) number : otherwise;
    }

    /** {@code true}, a non-zero integer or the string "true" (spaces around it allowed); anything else is false. */
    boolean lenientBoolean() {
        return switch (kind) {
            case TRUE -> true;
            case INTEGER -> integer != 0;
            case BIG_INTEGER -> big.signum() != 0;
            case STRING -> "true".equals(text.trim());
            default -> false;
        };
    }

    static IllegalArgumentException fail(String path, String expected, JsonValue got) {
        return fail(path, expected, got.kind);
    }

    static IllegalArgumentException fail(String path, String expected, byte got) {
        String where = path.isEmpty() ? "document" : "field '" + path + "'";
        return new IllegalArgumentException(where + ": " + expected + ", got " + kind(got));
    }

    private static String kind(byte kind) {
        return switch (kind) {
            case ABSENT -> "nothing (missing)";
            case NULL -> "null";
            case STRING -> "a string";
            case INTEGER, BIG_INTEGER -> "an integer";
            case FLOAT -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            default -> "an object";
        };
    }
}
