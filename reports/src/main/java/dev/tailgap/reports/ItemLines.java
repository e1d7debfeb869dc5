package dev.tailgap.reports;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one {@link ItemResult} as one line of an {@link ItemLog}, in the format {@link ItemLog} documents; its field
 * names are the ones {@link ItemLineParser} reads back.
 */
final class ItemLines {
    static final String ID = "id";
    static final String QUESTION = "question";
    static final String ANSWERS = "answers";
    static final String CONCEPT = "concept";
    static final String RELATION = "relation";
    static final String FREQUENCY = "frequency";
    static final String BUCKET = "bucket";
    static final String RAW_ANSWER = "rawAnswer";
    static final String EXTRACTED = "extracted";
    static final String OUTCOME = "outcome";
    static final String ERROR = "error";
    static final String LATENCY_MS = "latencyMs";
    static final String PROMPT_TOKENS = "promptTokens";
    static final String COMPLETION_TOKENS = "completionTokens";
    static final String FINISH_REASON = "finishReason";
    static final String REASONING = "reasoning";
    static final String SERVED_MODEL = "servedModel";
    static final String FINGERPRINT = "fingerprint";
    static final String FIRST_TOKEN_MS = "firstTokenMs";
    static final String CACHED = "cached";
    static final String ATTEMPT = "attempt";
    static final String REASON = "reason";
    static final String JUDGE = "judge";
    static final String SHOTS = "shots";
    static final String SAMPLES = "samples";
    /** The fields of {@code judge}. */
    static final String VERDICT = "verdict";
    static final String REPLY = "reply";
    static final String JUDGED_BY = "judge";
    static final String RULE_OUTCOME = "ruleOutcome";

    private ItemLines() {
    }

    /**
     * One result as a single JSON line, without the trailing newline (string values never contain a raw newline).
     *
     * @throws IllegalArgumentException if {@code frequency} is NaN or infinite
     */
    static String toJsonLine(ItemResult r) {
        if (!Double.isFinite(r.frequency())) {
            throw new IllegalArgumentException("field 'frequency': expected a finite number, got " + r.frequency()
                    + " (item " + r.id() + ")");
        }
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JsonTrees.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField(ID, r.id());
            g.writeStringField(QUESTION, r.question());
            g.writeArrayFieldStart(ANSWERS);
            for (String a : r.answers()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeStringField(CONCEPT, r.concept());
            g.writeStringField(RELATION, r.relation());
            g.writeFieldName(FREQUENCY);
            g.writeNumber(Numbers.jsonFrequency(r.frequency()));
            g.writeStringField(BUCKET, r.bucket());
            g.writeStringField(RAW_ANSWER, r.rawAnswer());
            g.writeStringField(EXTRACTED, r.extracted());
            g.writeStringField(OUTCOME, r.outcome().name());
            g.writeStringField(ERROR, r.error());
            g.writeNumberField(LATENCY_MS, r.latencyMs());
            g.writeNumberField(PROMPT_TOKENS, r.promptTokens());
            g.writeNumberField(COMPLETION_TOKENS, r.completionTokens());
            optional(g, FINISH_REASON, r.finishReason());
            optional(g, REASONING, r.reasoning());
            optional(g, SERVED_MODEL, r.servedModel());
            optional(g, FINGERPRINT, r.fingerprint());
            if (r.firstTokenMs() >= 0) {
                g.writeNumberField(FIRST_TOKEN_MS, r.firstTokenMs());
            }
            if (r.cached()) {
                g.writeBooleanField(CACHED, true);
            }
            if (r.attempt() > 1) {
                g.writeNumberField(ATTEMPT, r.attempt());
            }
            optional(g, REASON, r.reason());
            JudgeVerdict j = r.judge();
            if (j != null) {
                g.writeObjectFieldStart(JUDGE);
                g.writeStringField(VERDICT, j.verdict());
                g.writeStringField(REPLY, j.reply());
                g.writeStringField(JUDGED_BY, j.judge());
                g.writeStringField(RULE_OUTCOME, j.ruleOutcome().name());
                g.writeEndObject();
            }
            repeats(g, r);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** {@code shots} and {@code samples}, each only when not empty; a sample's {@code error} only when it has one. */
    private static void repeats(JsonGenerator g, ItemResult r) throws IOException {
        if (!r.shots().isEmpty()) {
            g.writeArrayFieldStart(SHOTS);
            for (String s : r.shots()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!r.samples().isEmpty()) {
            g.writeArrayFieldStart(SAMPLES);
            for (SampleAnswer s : r.samples()) {
                g.writeStartObject();
                g.writeStringField(RAW_ANSWER, s.rawAnswer());
                g.writeStringField(EXTRACTED, s.extracted());
                g.writeStringField(OUTCOME, s.outcome().name());
                optional(g, ERROR, s.error());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
