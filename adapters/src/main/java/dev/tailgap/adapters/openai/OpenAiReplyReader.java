package dev.tailgap.adapters.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tailgap.adapters.Completion;
import java.io.IOException;

/**
 * Reads a whole OpenAI-style reply straight from its bytes with a streaming parser, without building a tree: the
 * fields {@link OpenAiAdapter} reads, everything else skipped. It reads only the usual shape (one object; the fields it
 * reads, each once and of their usual type); for anything else it returns {@code null} and the adapter reads the
 * reply as a tree, which names what is wrong. So both readings give the same completion or the same error.
 */
final class OpenAiReplyReader {
    private static final int MODEL = 1;
    private static final int FINGERPRINT = 1 << 1;
    private static final int STOP_TYPE = 1 << 2;
    private static final int USAGE = 1 << 3;
    private static final int CHOICES = 1 << 4;
    private static final int PROMPT_TOKENS = 1 << 5;
    private static final int COMPLETION_TOKENS = 1 << 6;
    private static final int MESSAGE = 1 << 7;
    private static final int TEXT = 1 << 8;
    private static final int FINISH = 1 << 9;
    private static final int CONTENT = 1 << 10;
    private static final int REASONING_CONTENT = 1 << 11;
    private static final int REASONING = 1 << 12;

    private final boolean chat;
    private int seen;
    private String model;
    private String fingerprint;
    private String stopType;
    private int promptTokens = Completion.UNKNOWN;
    private int completionTokens = Completion.UNKNOWN;
    private String content;
    private boolean contentNull;
    private String reasoningContent;
    private String reasoning;
    private String text;
    private String finish;

    private OpenAiReplyReader(boolean chat) {
        this.chat = chat;
    }

    /** The completion in {@code reply}, or {@code null} when it is not of the usual shape. */
    static Completion read(JsonFactory json, byte[] reply, boolean chat) {
        OpenAiReplyReader r = new OpenAiReplyReader(chat);
        try (JsonParser p = json.createParser(reply)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !r.root(p) || p.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return r.completion();
    }

    private Completion completion() {
        if ((seen & CHOICES) == 0) {
            return null;
        }
        String answer;
        String why = chat ? (reasoningContent != null ? reasoningContent : reasoning) : null;
        if (chat) {
            answer = contentNull && why != null ? "" : content;
        } else {
            answer = text;
        }
        if (answer == null) {
            return null;
        }
        return new Completion(answer, promptTokens, completionTokens)
                .withFinish(finish != null ? finish : stopType)
                .withReasoning(why)
                .withServed(model, fingerprint);
    }

    /** Marks field {@code bit} as read; false when it was read before (a repeated field: the tree reading decides). */
    private boolean once(int bit) {
        boolean first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }

    /** The string value the parser is at, or {@code null} for any other value (which is skipped). */
    private static String textOrNull(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private boolean root(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "model":
                    if (!once(MODEL)) {
                        return false;
                    }
                    model = textOrNull(p, v);
                    break;
                case "system_fingerprint":
                    if (!once(FINGERPRINT)) {
                        return false;
                    }
                    fingerprint = textOrNull(p, v);
                    break;
                case "stop_type":
                    if (!once(STOP_TYPE)) {
                        return false;
                    }
                    stopType = textOrNull(p, v);
                    break;
                case "usage":
                    if (!once(USAGE) || v != JsonToken.START_OBJECT || !usage(p)) {
                        return false;
                    }
                    break;
                case "choices":
                    if (!once(CHOICES) || v != JsonToken.START_ARRAY || !choices(p)) {
                        return false;
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT;
    }

    private boolean usage(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean prompt = name.equals("prompt_tokens");
            if (prompt || name.equals("completion_tokens")) {
                if (!once(prompt ? PROMPT_TOKENS : COMPLETION_TOKENS) || v != JsonToken.VALUE_NUMBER_INT
                        || p.getNumberType() != JsonParser.NumberType.INT) {
                    return false; // a float, a huge number, a string or a repeat: the tree reading decides
                }
                if (prompt) {
                    promptTokens = p.getIntValue();
                } else {
                    completionTokens = p.getIntValue();
                }
            } else {
                p.skipChildren();
            }
        }
        return true;
    }

    private boolean choices(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || !choice(p)) {
            return false;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return true;
    }

    private boolean choice(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("message") && chat) {
                if (!once(MESSAGE) || v != JsonToken.START_OBJECT || !message(p)) {
                    return false;
                }
            } else if (name.equals("text") && !chat) {
                if (!once(TEXT) || v != JsonToken.VALUE_STRING) {
                    return false;
                }
                text = p.getText();
            } else if (name.equals("finish_reason")) {
                if (!once(FINISH)) {
                    return false;
                }
                finish = textOrNull(p, v);
            } else {
                p.skipChildren();
            }
        }
        return true;
    }

    private boolean message(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "content":
                    if (!once(CONTENT) || v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        return false;
                    }
                    content = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    contentNull = v == JsonToken.VALUE_NULL;
                    break;
                case "reasoning_content":
                    if (!once(REASONING_CONTENT)) {
                        return false;
                    }
                    reasoningContent = textOrNull(p, v);
                    break;
                case "reasoning":
                    if (!once(REASONING)) {
                        return false;
                    }
                    reasoning = textOrNull(p, v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return true;
    }
}
