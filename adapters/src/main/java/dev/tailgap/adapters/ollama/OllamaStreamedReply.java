package dev.tailgap.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import dev.tailgap.adapters.http.StreamedReply;

/**
 * A streamed Ollama reply (JSON lines): joins {@code message.content} ({@code /api/chat}) or {@code response}
 * ({@code /api/generate}), keeps {@code thinking} apart, and ends with the line that says {@code "done": true}, which
 * carries {@code done_reason}, {@code prompt_eval_count} and {@code eval_count}. A line with an {@code error} field
 * fails the reply.
 */
final class OllamaStreamedReply extends StreamedReply {
    private final boolean chat;
    private boolean sawText;
    private String model;
    private Completion last;

    OllamaStreamedReply(boolean chat) {
        this.chat = chat;
    }

    @Override
    protected boolean accept(String event, JsonNode data) throws MalformedReplyException, ErrorEvent {
        if (data == null) {
            return false; // no [DONE] in this API: the stream ends with "done": true
        }
        JsonNode error = data.get("error");
        if (error != null && !error.isNull()) {
            throw errorEvent(500, errorText(error));
        }
        if (data.path("model").isTextual()) {
            model = data.get("model").asText();
        }
        JsonNode holder = chat ? data.path("message") : data;
        JsonNode t = holder.get(chat ? "content" : "response");
        if (t != null && !t.isNull()) {
            if (!t.isTextual()) {
                throw new MalformedReplyException((chat ? "message.content" : "response") + " is not text");
            }
            sawText = true;
            text(t.asText());
        }
        JsonNode thinking = holder.get("thinking");
        if (thinking != null && thinking.isTextual()) {
            reasoning(thinking.asText());
        }
        if (data.path("done").asBoolean(false)) {
            last = new Completion("", count(data, "prompt_eval_count"), count(data, "eval_count"))
                    .withFinish(data.path("done_reason").isTextual() ? data.get("done_reason").asText() : null);
            return true;
        }
        return false;
    }

    private static int count(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n != null && n.canConvertToInt() ? n.asInt() : Completion.UNKNOWN;
    }

    @Override
    protected String lastEvent() {
        return "a line with \"done\": true";
    }

    @Override
    protected Completion completion(String answer, String reasoningText) throws MalformedReplyException {
        if (!sawText) {
            throw new MalformedReplyException("no " + (chat ? "message.content" : "response") + " in the stream");
        }
        return last.withText(answer).withReasoning(reasoningText).withServed(model, null);
    }
}
