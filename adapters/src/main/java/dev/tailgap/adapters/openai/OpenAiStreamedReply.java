package dev.tailgap.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import dev.tailgap.adapters.http.StreamedReply;

/**
 * An OpenAI-compatible streamed reply (server-sent events of {@code chat.completion.chunk} or {@code text_completion}
 * objects, ending with {@code data: [DONE]}): joins {@code choices[0].delta.content} (chat) or {@code choices[0].text}
 * (legacy completions), keeps {@code delta.reasoning_content} / {@code delta.reasoning} apart, and reads
 * {@code finish_reason} (or llama.cpp's {@code stop_type}), the {@code usage} chunk ({@code stream_options.include_usage})
 * and the chunks' {@code model} and {@code system_fingerprint}. A chunk with an {@code error} field, or an SSE
 * {@code error} event, fails the reply.
 */
final class OpenAiStreamedReply extends StreamedReply {
    private final boolean chat;
    private boolean sawChoice;
    private int promptTokens = Completion.UNKNOWN;
    private int completionTokens = Completion.UNKNOWN;
    private String finish;
    private String model;
    private String fingerprint;

    OpenAiStreamedReply(boolean chat) {
        this.chat = chat;
    }

    @Override
    protected boolean accept(String event, JsonNode data) throws MalformedReplyException, ErrorEvent {
        if (data == null) {
            return true; // [DONE]
        }
        JsonNode error = data.get("error");
        if (error != null && !error.isNull() || "error".equals(event)) {
            JsonNode e = error == null || error.isNull() ? data : error;
            JsonNode code = e.get("code");
            throw errorEvent(code != null && code.canConvertToInt() ? code.asInt() : 500, errorText(e));
        }
        model = textOr(data.get("model"), model);
        fingerprint = textOr(data.get("system_fingerprint"), fingerprint);
        JsonNode usage = data.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = intOr(usage.get("prompt_tokens"), promptTokens);
            completionTokens = intOr(usage.get("completion_tokens"), completionTokens);
        }
        JsonNode choices = data.get("choices");
        if (choices != null && !choices.isNull() && !choices.isArray()) {
            throw new MalformedReplyException("choices is not an array");
        }
        if (choices != null) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) == 0) {
                    readChoice(choice);
                }
            }
        }
        if (finish == null) {
            finish = textOr(data.get("stop_type"), null); // llama.cpp's own word, when it sends one
        }
        return false;
    }

    private void readChoice(JsonNode choice) throws MalformedReplyException {
        sawChoice = true;
        if (chat) {
            JsonNode delta = choice.path("delta");
            text(textOf(delta.get("content"), "delta.content"));
            JsonNode r = delta.get("reasoning_content");
            reasoning(textOf(r != null && !r.isNull() ? r : delta.get("reasoning"), "delta.reasoning_content"));
        } else {
            text(textOf(choice.get("text"), "text"));
        }
        finish = textOr(choice.get("finish_reason"), finish);
    }

    @Override
    protected String lastEvent() {
        return "data: [DONE]";
    }

    @Override
    protected Completion completion(String answer, String reasoningText) throws MalformedReplyException {
        if (!sawChoice) {
            throw new MalformedReplyException("no choices in the stream");
        }
        return new Completion(answer, promptTokens, completionTokens).withFinish(finish).withReasoning(reasoningText)
                .withServed(model, fingerprint);
    }

    /** The text of a delta field; absent and null are no text, anything else but text is malformed. */
    private static String textOf(JsonNode n, String field) throws MalformedReplyException {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new MalformedReplyException(field + " is not text");
        }
        return n.asText();
    }

    private static String textOr(JsonNode n, String fallback) {
        return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : fallback;
    }

    private static int intOr(JsonNode n, int fallback) {
        return n != null && n.canConvertToInt() ? n.asInt() : fallback;
    }
}
