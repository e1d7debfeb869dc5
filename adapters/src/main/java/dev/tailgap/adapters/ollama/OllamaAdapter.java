package dev.tailgap.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.http.BodyOptions;
import dev.tailgap.adapters.http.JsonHttpAdapter;
import dev.tailgap.adapters.http.StreamedReply;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * Ollama's native API: {@code POST {base}/api/chat} (messages) or {@code POST {base}/api/generate} (a prompt and a
 * {@code system} field), streamed as JSON lines by default ({@link OllamaStreamedReply}; {@code "stream": false}
 * with the provider option {@code stream=false}). Generation parameters go in {@code options}:
 * {@code temperature}, {@code num_predict} (max tokens), {@code seed} (when set), {@code stop} (when any). Reads
 * {@code message.content} or {@code response}, and the token counts {@code prompt_eval_count} / {@code eval_count}
 * (Ollama leaves the first out when the whole prompt came from its cache: then it is unknown). An optional key is sent
 * as a bearer token, for Ollama behind an authenticating proxy. A {@code body.KEY=VALUE} option ({@link BodyOptions})
 * whose first name is one of the request's own fields ({@link #TOP_LEVEL}: {@code keep_alive}, {@code think},
 * {@code format}, ...) is set at the top level; any other ({@code top_k}, {@code top_p}, {@code repeat_penalty}) is a
 * model option and goes in {@code options}.
 */
final class OllamaAdapter extends JsonHttpAdapter {

    /** Which native endpoint to call. */
    enum Api { CHAT, GENERATE }

    private final Api api;
    private final String model;
    private final boolean stream;
    private final BodyOptions extra;

    /** Fields this adapter sets, with the flag that sets them: {@code body.} options may not replace them. */
    static final Map<String, String> OWNED = Map.of("model", "-m", "messages", "the prompt options",
            "prompt", "the prompt options", "system", "--system", "stream", "-o stream=true|false",
            "options.temperature", "--temperature", "options.num_predict", "--max-tokens",
            "options.seed", "--gen-seed", "options.stop", "--stop");

    /** The request's own top-level fields; any other {@code body.} field is a model option, sent in {@code options}. */
    static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("model", "messages", "prompt", "suffix", "images",
            "format", "options", "system", "template", "stream", "raw", "keep_alive", "context", "think", "tools");

    OllamaAdapter(HttpUrl baseUrl, AdapterConfig config, Api api, boolean stream, BodyOptions extra) {
        super(baseUrl, config);
        this.api = api;
        this.model = config.model();
        this.stream = stream;
        this.extra = extra;
    }

    @Override
    public boolean acceptsTurns() {
        return api == Api.CHAT;
    }

    @Override
    protected String path(CompletionRequest request) {
        return api == Api.CHAT ? "api/chat" : "api/generate";
    }

    @Override
    protected ObjectNode payload(CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        if (api == Api.CHAT) {
            putMessages(body, request);
        } else {
            body.put("prompt", request.prompt());
            if (request.system() != null && !request.system().isEmpty()) {
                body.put("system", request.system());
            }
        }
        body.put("stream", stream);
        GenerationParams p = request.params();
        ObjectNode options = body.putObject("options");
        options.put("temperature", p.temperature());
        options.put("num_predict", p.maxTokens());
        if (p.seed() != null) {
            options.put("seed", p.seed());
        }
        if (!p.stop().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            p.stop().forEach(stop::add);
        }
        extra.mergeInto(body);
        return body;
    }

    @Override
    protected StreamedReply streamedReply() {
        return new OllamaStreamedReply(api == Api.CHAT); // read a stream even unasked: a proxy may always send one
    }

    @Override
    protected Map<String, String> headers() {
        return bearer();
    }

    @Override
    protected String hint(FailureKind kind) {
        if (kind == FailureKind.NOT_FOUND) {
            return "is the model pulled (ollama pull MODEL)? The base URL is Ollama's root, e.g. "
                    + OllamaProvider.DEFAULT_BASE_URL;
        }
        return super.hint(kind);
    }

    /** Reads {@code GET /api/tags}: the asked model's digest, size and modification time. */
    @Override
    public EndpointInfo probe() {
        JsonNode tags = getJson(urlOf("api/tags"));
        Map<String, String> facts = new TreeMap<>();
        if (tags != null) {
            for (JsonNode m : tags.path("models")) {
                String name = m.path("name").asText("");
                if (name.equals(model) || name.equals(model + ":latest")) {
                    for (String field : new String[] {"digest", "size", "modified_at"}) {
                        if (m.hasNonNull(field)) {
                            facts.put("ollama." + name + "." + field, m.get(field).asText());
                        }
                    }
                }
            }
        }
        return new EndpointInfo(facts, EndpointInfo.UNKNOWN);
    }

    @Override
    protected Completion parse(JsonNode reply) throws MalformedReplyException {
        if (reply.hasNonNull("error")) {
            throw new MalformedReplyException("error in reply: " + reply.get("error").asText());
        }
        String text = requireText(reply, api == Api.CHAT ? "/message/content" : "/response");
        return new Completion(text, optionalInt(reply, "/prompt_eval_count"), optionalInt(reply, "/eval_count"))
                .withFinish(optionalText(reply, "/done_reason"))
                .withReasoning(optionalText(reply, api == Api.CHAT ? "/message/thinking" : "/thinking"))
                .withServed(optionalText(reply, "/model"), null);
    }
}
