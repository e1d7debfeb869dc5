package dev.tailgap.adapters.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.http.JsonHttpAdapter;
import dev.tailgap.adapters.http.StreamedReply;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Anthropic's Messages API: {@code POST {base}/v1/messages} with {@code x-api-key} and {@code anthropic-version}
 * headers. Sends {@code model}, {@code max_tokens}, {@code temperature}, the system prompt as the top-level
 * {@code system}, the request's turns as user/assistant messages and the prompt as the last user message, and {@code stop_sequences} without the whitespace-only ones (the API
 * rejects those, so the default newline stop is dropped; the model still stops at its end of turn). The API has no
 * seed: a seed is not sent. Reads the concatenated {@code text} of the {@code content} blocks of type {@code text} and
 * {@code usage.input_tokens} / {@code usage.output_tokens}. 529 "overloaded" is a retryable rate limit. Streamed (the
 * default), it sends {@code "stream": true} and reads the message events ({@link AnthropicStreamedReply}).
 */
final class AnthropicAdapter extends JsonHttpAdapter {
    static final String VERSION = "2023-06-01";

    private final String path;
    private final boolean stream;

    /** {@code config} names a variable that is set (the provider checks). */
    AnthropicAdapter(HttpUrl baseUrl, AdapterConfig config, String path, boolean stream) {
        super(baseUrl, config);
        this.path = path;
        this.stream = stream;
    }

    /** The stop sequences Anthropic accepts: those with a non-whitespace character. */
    static List<String> acceptedStops(List<String> stop) {
        return stop.stream().filter(s -> !s.isBlank()).toList();
    }

    @Override
    public boolean acceptsTurns() {
        return true;
    }

    @Override
    protected String path(CompletionRequest request) {
        return path;
    }

    @Override
    protected ObjectNode payload(CompletionRequest request) {
        GenerationParams p = request.params();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", p.maxTokens());
        if (request.system() != null && !request.system().isEmpty()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        putTurns(messages, request);
        messages.addObject().put("role", "user").put("content", request.prompt());
        body.put("temperature", p.temperature());
        List<String> stops = acceptedStops(p.stop());
        if (!stops.isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            stops.forEach(stop::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    @Override
    protected StreamedReply streamedReply() {
        return new AnthropicStreamedReply(); // read a stream even unasked: a proxy may always send one
    }

    @Override
    protected Map<String, String> headers() {
        return Map.of("x-api-key", apiKey(), "anthropic-version", VERSION);
    }

    @Override
    protected Completion parse(JsonNode reply) throws MalformedReplyException {
        if ("error".equals(reply.path("type").asText())) {
            throw new MalformedReplyException("error in reply: " + reply.at("/error/message").asText());
        }
        JsonNode content = reply.get("content");
        if (content == null || !content.isArray()) {
            throw new MalformedReplyException("no content array in reply");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        for (JsonNode block : content) {
            if ("thinking".equals(block.path("type").asText())) {
                thinking.append(block.path("thinking").asText(""));
            } else if ("text".equals(block.path("type").asText())) {
                JsonNode t = block.get("text");
                if (t == null || !t.isTextual()) {
                    throw new MalformedReplyException("a text block without text");
                }
                text.append(t.asText());
            }
        }
        return new Completion(text.toString(), optionalInt(reply, "/usage/input_tokens"),
                optionalInt(reply, "/usage/output_tokens"))
                .withFinish(optionalText(reply, "/stop_reason"))
                .withReasoning(thinking.toString())
                .withServed(optionalText(reply, "/model"), null);
    }
}
