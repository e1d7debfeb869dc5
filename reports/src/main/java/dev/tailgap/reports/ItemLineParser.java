package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one item-log line ({@link ItemLines} writes it) from its UTF-8 bytes with Jackson's streaming parser: no JSON
 * tree, the known fields straight into their slots ({@link JsonValue}), unknown ones skipped
 * ({@link DuplicateKeys#skip}, which still finds a repeated key, as Jackson's strict duplicate detection would). The
 * whole line is read before any field is judged, and the fields are judged in one fixed order, so that a line with
 * several faults always names the same one: a line that is not JSON fails as {@link InvalidJson}; then the fields in
 * the order {@code id}, {@code question}, {@code answers}, {@code concept}, {@code relation}, {@code frequency},
 * {@code bucket}, {@code rawAnswer}, {@code extracted}, {@code outcome}, {@code error}, {@code latencyMs},
 * {@code promptTokens}, {@code completionTokens}, {@code reason}, {@code judge}, {@code finishReason},
 * {@code reasoning}, {@code servedModel}, {@code fingerprint}, {@code shots}, {@code samples}. {@code firstTokenMs},
 * {@code cached} and {@code attempt} are read leniently (a value that does not fit counts as absent). Not
 * thread-safe: one per reader.
 */
final class ItemLineParser {
    /** The line is not one JSON value (or not only one): what a crash mid-write leaves. */
    static final class InvalidJson extends IllegalArgumentException {
        InvalidJson(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String[] TOP = {ItemLines.ID, ItemLines.QUESTION, ItemLines.ANSWERS, ItemLines.CONCEPT,
        ItemLines.RELATION, ItemLines.FREQUENCY, ItemLines.BUCKET, ItemLines.RAW_ANSWER, ItemLines.EXTRACTED,
        ItemLines.OUTCOME, ItemLines.ERROR, ItemLines.LATENCY_MS, ItemLines.PROMPT_TOKENS, ItemLines.COMPLETION_TOKENS,
        ItemLines.REASON, ItemLines.JUDGE, ItemLines.FINISH_REASON, ItemLines.REASONING, ItemLines.SERVED_MODEL,
        ItemLines.FINGERPRINT, ItemLines.FIRST_TOKEN_MS, ItemLines.CACHED, ItemLines.ATTEMPT, ItemLines.SHOTS,
        ItemLines.SAMPLES};
    private static final int ID = 0;
    private static final int QUESTION = 1;
    private static final int ANSWERS = 2;
    private static final int CONCEPT = 3;
    private static final int RELATION = 4;
    private static final int FREQUENCY = 5;
    private static final int BUCKET = 6;
    private static final int RAW_ANSWER = 7;
    private static final int EXTRACTED = 8;
    private static final int OUTCOME = 9;
    private static final int ERROR = 10;
    private static final int LATENCY_MS = 11;
    private static final int PROMPT_TOKENS = 12;
    private static final int COMPLETION_TOKENS = 13;
    private static final int REASON = 14;
    private static final int JUDGE = 15;
    private static final int FINISH_REASON = 16;
    private static final int REASONING = 17;
    private static final int SERVED_MODEL = 18;
    private static final int FINGERPRINT = 19;
    private static final int FIRST_TOKEN_MS = 20;
    private static final int CACHED = 21;
    private static final int ATTEMPT = 22;
    private static final int SHOTS = 23;
    private static final int SAMPLES = 24;
    /** The judge's fields, and a sample's: the same slots in the same order. */
    private static final String[] JUDGE_FIELDS = {ItemLines.VERDICT, ItemLines.REPLY, ItemLines.JUDGED_BY,
        ItemLines.RULE_OUTCOME};
    private static final String[] SAMPLE_FIELDS = {ItemLines.RAW_ANSWER, ItemLines.EXTRACTED, ItemLines.OUTCOME,
        ItemLines.ERROR};

    /** Jackson's defaults: duplicate keys are found by {@link DuplicateKeys}, for less. */
    private static final JsonFactory FACTORY = new JsonFactory();
    /** The top-level names in the order {@link ItemLines} writes them, each with the slot of the one after it. */
    private static final SerializedString[] NAMES = new SerializedString[TOP.length];
    private static final int[] WRITTEN = {ID, QUESTION, ANSWERS, CONCEPT, RELATION, FREQUENCY, BUCKET, RAW_ANSWER,
        EXTRACTED, OUTCOME, ERROR, LATENCY_MS, PROMPT_TOKENS, COMPLETION_TOKENS, FINISH_REASON, REASONING,
        SERVED_MODEL, FINGERPRINT, FIRST_TOKEN_MS, CACHED, ATTEMPT, REASON, JUDGE, SHOTS, SAMPLES};
    private static final int[] AFTER = new int[TOP.length];

    static {
        for (int i = 0; i < TOP.length; i++) {
            NAMES[i] = new SerializedString(TOP[i]);
        }
        for (int i = 0; i < WRITTEN.length; i++) {
            AFTER[WRITTEN[i]] = WRITTEN[(i + 1) % WRITTEN.length];
        }
    }

    private final JsonValue[] top = JsonValue.slots(TOP.length, RELATION, BUCKET, OUTCOME, ERROR, FINISH_REASON,
            SERVED_MODEL, FINGERPRINT, REASON);
    private final JsonValue[] judge = JsonValue.slots(JUDGE_FIELDS.length, 0, 2, 3);
    private final List<JsonValue[]> samples = new ArrayList<>();
    private final JsonValue element = new JsonValue(false);
    private byte[] bytes;
    private int off;
    /** The top-level slots the current line has filled (the others are absent). */
    private long filled;

    /**
     * The result on {@code bytes[off, off + len)}.
     *
     * @throws InvalidJson if the bytes are not exactly one JSON value
     * @throws IllegalArgumentException with a one-line message naming the field, if they are JSON but not a result
     */
    ItemResult parse(byte[] bytes, int off, int len) {
        this.bytes = bytes;
        this.off = off;
        if ((filled & 1L << JUDGE) != 0) {
            for (JsonValue v : judge) {
                v.clear();
            }
        }
        for (long left = filled; left != 0; left &= left - 1) {
            top[Long.numberOfTrailingZeros(left)].clear();
        }
        filled = 0;
        samples.clear();
        JsonValue root = new JsonValue(false);
        try (JsonParser p = FACTORY.createParser(bytes, off, len)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidJson("invalid JSON: empty input", null);
            }
            if (t == JsonToken.START_OBJECT) {
                root.kind = JsonValue.OBJECT;
                readTop(p);
            } else {
                value(p, t, root);
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw MismatchedInputException.from(p, JsonNode.class, "Trailing token (of type " + trailing
                        + ") found after value (bound as `" + JsonNode.class.getName() + "`): not allowed as per "
                        + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
            }
        } catch (IOException e) {
            throw new InvalidJson("invalid JSON: " + JsonTrees.oneLine(e), e);
        }
        if (root.kind != JsonValue.OBJECT) {
            throw JsonValue.fail("", "expected an object", root);
        }
        return result();
    }

    /** The top-level fields, expecting them in the order they are written (a cheap match of the raw name). */
    private void readTop(JsonParser p) throws IOException {
        DuplicateKeys others = new DuplicateKeys(bytes, off);
        int expected = ID;
        while (true) {
            int slot;
            if (p.nextFieldName(NAMES[expected])) {
                slot = expected;
            } else if (p.currentToken() == JsonToken.FIELD_NAME) {
                slot = slot(p.currentName());
            } else {
                return; // the end of the object
            }
            if (slot < 0) {
                others.unknownName(p, p.currentName());
                DuplicateKeys.skip(p, p.nextToken(), bytes, off);
                continue;
            }
            if ((filled & 1L << slot) != 0) {
                throw DuplicateKeys.duplicate(p, bytes, off, TOP[slot]);
            }
            filled |= 1L << slot;
            JsonToken t = p.nextToken();
            expected = AFTER[slot];
            if (slot == ANSWERS || slot == SHOTS) {
                strings(p, t, top[slot]);
            } else if (slot == JUDGE && t == JsonToken.START_OBJECT) {
                top[slot].kind = JsonValue.OBJECT;
                readFields(p, JUDGE_FIELDS, judge);
            } else if (slot == SAMPLES && t == JsonToken.START_ARRAY) {
                top[slot].kind = JsonValue.ARRAY;
                readSamples(p, top[slot]);
            } else {
                value(p, t, top[slot]);
            }
        }
    }
    private static int slot(String name) {
        return switch (name) {
            case ItemLines.ID -> ID;
            case ItemLines.QUESTION -> QUESTION;
            case ItemLines.ANSWERS -> ANSWERS;
            case ItemLines.CONCEPT -> CONCEPT;
            case ItemLines.RELATION -> RELATION;
            case ItemLines.FREQUENCY -> FREQUENCY;
            case ItemLines.BUCKET -> BUCKET;
            case ItemLines.RAW_ANSWER -> RAW_ANSWER;
            case ItemLines.EXTRACTED -> EXTRACTED;
            case ItemLines.OUTCOME -> OUTCOME;
            case ItemLines.ERROR -> ERROR;
            case ItemLines.LATENCY_MS -> LATENCY_MS;
            case ItemLines.PROMPT_TOKENS -> PROMPT_TOKENS;
            case ItemLines.COMPLETION_TOKENS -> COMPLETION_TOKENS;
            case ItemLines.REASON -> REASON;
            case ItemLines.JUDGE -> JUDGE;
            case ItemLines.FINISH_REASON -> FINISH_REASON;
            case ItemLines.REASONING -> REASONING;
            case ItemLines.SERVED_MODEL -> SERVED_MODEL;
            case ItemLines.FINGERPRINT -> FINGERPRINT;
            case ItemLines.FIRST_TOKEN_MS -> FIRST_TOKEN_MS;
            case ItemLines.CACHED -> CACHED;
            case ItemLines.ATTEMPT -> ATTEMPT;
            case ItemLines.SHOTS -> SHOTS;
            case ItemLines.SAMPLES -> SAMPLES;
            default -> -1;
        };
    }

    /** One value into {@code v}; an object or array is skipped (its duplicate keys still found). */
    private void value(JsonParser p, JsonToken t, JsonValue v) throws IOException {
        v.read(p, t);
        DuplicateKeys.skip(p, t, bytes, off);
    }

    /** A value that should be an array of strings: its strings, and the kind of its first other element. */
    private void strings(JsonParser p, JsonToken t, JsonValue v) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            value(p, t, v);
            return;
        }
        v.kind = JsonValue.ARRAY;
        int i = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
            if (e == JsonToken.VALUE_STRING) {
                v.addString(p.getText());
            } else {
                value(p, e, element);
                v.noteBadElement(i, element.kind);
            }
        }
    }

    /** The scalar fields of a nested object into {@code slots} (by {@code names}), anything else skipped. */
    private void readFields(JsonParser p, String[] names, JsonValue[] slots) throws IOException {
        DuplicateKeys others = new DuplicateKeys(bytes, off);
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            int slot = -1;
            for (int i = 0; i < names.length && slot < 0; i++) {
                if (names[i].equals(name)) {
                    slot = i;
                }
            }
            if (slot < 0) {
                others.unknownName(p, name);
                DuplicateKeys.skip(p, p.nextToken(), bytes, off);
            } else if ((seen & 1 << slot) != 0) {
                throw DuplicateKeys.duplicate(p, bytes, off, name);
            } else {
                seen |= 1 << slot;
                value(p, p.nextToken(), slots[slot]);
            }
        }
    }

    /** The elements of {@code samples}: objects into slots, the first other element's kind into {@code array}. */
    private void readSamples(JsonParser p, JsonValue array) throws IOException {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            JsonValue[] slots = JsonValue.slots(SAMPLE_FIELDS.length);
            if (t == JsonToken.START_OBJECT) {
                readFields(p, SAMPLE_FIELDS, slots);
            } else {
                value(p, t, element);
                array.noteBadElement(i, element.kind);
            }
            samples.add(slots);
        }
    }

    /** Judges the slots in the documented order and builds the result. */
    private ItemResult result() {
        String id = top[ID].string(TOP[ID]);
        String question = top[QUESTION].stringOrNull(TOP[QUESTION]);
        List<String> answers = top[ANSWERS].strings(TOP[ANSWERS]);
        String concept = top[CONCEPT].stringOrNull(TOP[CONCEPT]);
        String relation = top[RELATION].stringOrNull(TOP[RELATION]);
        double frequency = top[FREQUENCY].finiteNumber(TOP[FREQUENCY]);
        String bucket = top[BUCKET].string(TOP[BUCKET]);
        String rawAnswer = top[RAW_ANSWER].stringOrNull(TOP[RAW_ANSWER]);
        String extracted = top[EXTRACTED].stringOrNull(TOP[EXTRACTED]);
        Outcome outcome = top[OUTCOME].outcome(TOP[OUTCOME]);
        String error = top[ERROR].stringOrNull(TOP[ERROR]);
        long latencyMs = top[LATENCY_MS].longValue(TOP[LATENCY_MS]);
        int promptTokens = top[PROMPT_TOKENS].intValue(TOP[PROMPT_TOKENS]);
        int completionTokens = top[COMPLETION_TOKENS].intValue(TOP[COMPLETION_TOKENS]);
        String reason = top[REASON].stringOrNull(TOP[REASON]);
        JudgeVerdict verdict = null;
        if (!top[JUDGE].absentOrNull()) {
            if (top[JUDGE].kind != JsonValue.OBJECT) {
                throw JsonValue.fail(TOP[JUDGE], "expected an object", top[JUDGE]);
            }
            String j = TOP[JUDGE] + ".";
            verdict = new JudgeVerdict(judge[0].stringOrNull(j + JUDGE_FIELDS[0]),
                    judge[1].stringOrNull(j + JUDGE_FIELDS[1]), judge[2].string(j + JUDGE_FIELDS[2]),
                    judge[3].outcome(j + JUDGE_FIELDS[3]));
        }
        String finishReason = top[FINISH_REASON].stringOrNull(TOP[FINISH_REASON]);
        String reasoning = top[REASONING].stringOrNull(TOP[REASONING]);
        String servedModel = top[SERVED_MODEL].stringOrNull(TOP[SERVED_MODEL]);
        String fingerprint = top[FINGERPRINT].stringOrNull(TOP[FINGERPRINT]);
        List<String> shots = top[SHOTS].absentOrNull() ? List.of() : top[SHOTS].strings(TOP[SHOTS]);
        List<SampleAnswer> sampleAnswers = samples();
        int attempt = top[ATTEMPT].lenientInt(1);
        return new ItemResult(id, question, answers, concept, relation, frequency, bucket, rawAnswer, extracted,
                outcome, error, latencyMs, promptTokens, completionTokens, finishReason, reasoning, servedModel,
                fingerprint, top[FIRST_TOKEN_MS].lenientLong(-1), top[CACHED].lenientBoolean(),
                attempt >= 1 ? attempt : 1, reason, verdict, shots, sampleAnswers);
    }

    private List<SampleAnswer> samples() {
        JsonValue a = top[SAMPLES];
        if (a.absentOrNull()) {
            return List.of();
        }
        if (a.kind != JsonValue.ARRAY) {
            throw JsonValue.fail(TOP[SAMPLES], "expected an array", a);
        }
        List<SampleAnswer> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            String path = TOP[SAMPLES] + "[" + i + "]";
            if (i == a.badIndex) {
                throw JsonValue.fail(path, "expected an object", a.badKind);
            }
            JsonValue[] s = samples.get(i);
            out.add(new SampleAnswer(s[0].stringOrNull(path + "." + SAMPLE_FIELDS[0]),
                    s[1].stringOrNull(path + "." + SAMPLE_FIELDS[1]), s[2].outcome(path + "." + SAMPLE_FIELDS[2]),
                    s[3].stringOrNull(path + "." + SAMPLE_FIELDS[3])));
        }
        return out;
    }
}
