package dev.tailgap.adapters.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import dev.tailgap.adapters.http.StreamedReply;

/**
 * A streamed Messages API reply: {@code message_start} (the served model, input tokens), {@code content_block_start}
 * and {@code content_block_delta} events ({@code text_delta} is answer text, {@code thinking_delta} reasoning; tool
 * and signature deltas are skipped), {@code message_delta} (stop reason, output tokens), ending with
 * {@code message_stop}. {@code ping} and {@code content_block_stop} carry nothing; an {@code error} event fails the
 * reply (an {@code overloaded_error} or {@code rate_limit_error} as a rate limit).
 */
final class AnthropicStreamedReply extends StreamedReply {
    private boolean started;
    private int inputTokens = Completion.UNKNOWN;
    private int outputTokens = Completion.UNKNOWN;
    private String stopReason;
    private String model;

    @Override
    protected boolean accept(String event, JsonNode data) throws MalformedReplyException, ErrorEvent {
        if (data == null) {
            return false; // no [DONE] in this API: the stream ends with message_stop
        }
        JsonNode type = data.get("type");
        switch (type != null && type.isTextual() ? type.asText() : event == null ? "" : event) {
            case "message_start":
                started = true;
                JsonNode message = data.path("message");
                model = message.path("model").isTextual() ? message.get("model").asText() : model;
                usage(message.path("usage"));
                return false;
            case "content_block_start":
                JsonNode block = data.path("content_block");
                String blockType = block.path("type").asText();
                if ("text".equals(blockType)) {
                    text(block.path("text").asText(""));
                } else if ("thinking".equals(blockType)) {
                    reasoning(block.path("thinking").asText(""));
                }
                return false;
            case "content_block_delta":
                delta(data.path("delta"));
                return false;
            case "message_delta":
                JsonNode stop = data.at("/delta/stop_reason");
                stopReason = stop.isTextual() ? stop.asText() : stopReason;
                usage(data.path("usage"));
                return false;
            case "message_stop":
                return true;
            case "error":
                String errorType = data.at("/error/type").asText("");
                int status = errorType.equals("overloaded_error") ? 529
                        : errorType.equals("rate_limit_error") ? 429 : 500;
                throw errorEvent(status, errorType + ": " + errorText(data.path("error")));
            default:
                return false; // ping, content_block_stop, and events added to the API later
        }
    }

    private void delta(JsonNode delta) throws MalformedReplyException {
        switch (delta.path("type").asText()) {
            case "text_delta":
                JsonNode t = delta.get("text");
                if (t == null || !t.isTextual()) {
                    throw new MalformedReplyException("a text_delta without text");
                }
                text(t.asText());
                break;
            case "thinking_delta":
                reasoning(delta.path("thinking").asText(""));
                break;
            default:
                break; // input_json_delta, signature_delta
        }
    }

    private void usage(JsonNode usage) {
        if (usage.path("input_tokens").canConvertToInt()) {
            inputTokens = usage.get("input_tokens").asInt();
        }
        if (usage.path("output_tokens").canConvertToInt()) {
            outputTokens = usage.get("output_tokens").asInt();
        }
    }

    @Override
    protected String lastEvent() {
        return "message_stop";
    }

    @Override
    protected Completion completion(String answer, String reasoningText) throws MalformedReplyException {
        if (!started) {
            throw new MalformedReplyException("no message_start in the stream");
        }
        return new Completion(answer, inputTokens, outputTokens).withFinish(stopReason).withReasoning(reasoningText)
                .withServed(model, null);
    }
}
