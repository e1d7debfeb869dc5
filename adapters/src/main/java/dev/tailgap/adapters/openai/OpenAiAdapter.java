package dev.tailgap.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.http.JsonHttpAdapter;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}) or legacy completions
 * ({@code POST {base}/completions}). Works with OpenAI and with vLLM, llama.cpp {@code llama-server}, LM Studio, TGI
 * and Ollama's {@code /v1}. Sends temperature, max_tokens, stop (up to four sequences, when any) and seed (when set);
 * reads {@code choices[0].message.content} or {@code choices[0].text} and the {@code usage} token counts.
 */
public final class OpenAiAdapter extends JsonHttpAdapter {

    /** Which OpenAI endpoint to call. */
    public enum Api { CHAT, COMPLETIONS }

    private final Api api;

    OpenAiAdapter(HttpUrl baseUrl, AdapterConfig config, Api api) {
        super(baseUrl, config);
        this.api = api;
    }

    @Override
    protected String path(CompletionRequest request) {
        return api == Api.CHAT ? "chat/completions" : "completions";
    }

    @Override
    protected ObjectNode payload(CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        if (api == Api.CHAT) {
            putMessages(body, request);
        } else {
            body.put("prompt", request.promptWithSystem());
        }
        GenerationParams p = request.params();
        body.put("temperature", p.temperature());
        body.put("max_tokens", p.maxTokens());
        if (!p.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            p.stop().stream().limit(4).forEach(stop::add);
        }
        if (p.seed() != null) {
            body.put("seed", p.seed());
        }
        return body;
    }

    @Override
    protected Map<String, String> headers() {
        return bearer();
    }

    @Override
    protected Completion parse(JsonNode reply) throws MalformedReplyException {
        JsonNode choices = reply.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new MalformedReplyException("no choices in reply");
        }
        String text = requireText(reply, api == Api.CHAT ? "/choices/0/message/content" : "/choices/0/text");
        return new Completion(text, optionalInt(reply, "/usage/prompt_tokens"),
                optionalInt(reply, "/usage/completion_tokens"));
    }
}
