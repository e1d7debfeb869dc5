package dev.tailgap.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.http.BodyOptions;
import dev.tailgap.adapters.http.JsonHttpAdapter;
import dev.tailgap.adapters.http.StreamedReply;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}) or legacy completions
 * ({@code POST {base}/completions}). Works with OpenAI and with vLLM, llama.cpp {@code llama-server}, LM Studio, TGI
 * and Ollama's {@code /v1}. Sends temperature, max_tokens, stop (when any; OpenAI's own API takes at most four, so a
 * run with more against it is refused) and seed (when set); reads {@code choices[0].message.content} or
 * {@code choices[0].text}, {@code reasoning_content} apart from the answer, {@code finish_reason}, the {@code usage}
 * token counts and the reply's {@code model} and {@code system_fingerprint}. Streamed (the default), it sends
 * {@code "stream": true} with {@code stream_options.include_usage} and reads the same from the chunks
 * ({@link OpenAiStreamedReply}), with the time to the first token. Any {@code body.KEY=VALUE} option is merged into
 * the body ({@link BodyOptions}: {@code top_p}, {@code top_k}, {@code repeat_penalty}, {@code logprobs}, llama.cpp's
 * {@code cache_prompt}, vLLM's {@code chat_template_kwargs}).
 *
 * <p>{@link #probe()} reads {@code GET {base}/models} (the served model's id, creation time, owner, root and vLLM's
 * {@code max_model_len}) and llama.cpp's {@code GET /props} at the server root (model path, build, context size,
 * chat template digest, total slots).
 */
public final class OpenAiAdapter extends JsonHttpAdapter {

    /** Which OpenAI endpoint to call. */
    public enum Api { CHAT, COMPLETIONS }

    private final Api api;
    private final String model;
    private final boolean stream;
    private final BodyOptions extra;

    /** How far from now a {@code created} time may be and still be taken for the time of the reply. */
    static final long REPLY_TIME_SLACK_SECONDS = 600;
    /** Fields this adapter sets, with the flag that sets them: {@code body.} options may not replace them. */
    static final Map<String, String> OWNED = Map.of("model", "-m", "messages", "the prompt options",
            "prompt", "the prompt options", "temperature", "--temperature", "max_tokens", "--max-tokens",
            "stop", "--stop", "seed", "--gen-seed", "stream", "-o stream=true|false",
            "stream_options", "-o stream=true|false");

    OpenAiAdapter(HttpUrl baseUrl, AdapterConfig config, Api api, boolean stream, BodyOptions extra) {
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
            p.stop().forEach(stop::add);
        }
        if (p.seed() != null) {
            body.put("seed", p.seed());
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        extra.mergeInto(body);
        return body;
    }

    @Override
    protected StreamedReply streamedReply() {
        return new OpenAiStreamedReply(api == Api.CHAT); // read a stream even unasked: a server may always send one
    }

    @Override
    protected String hint(FailureKind kind) {
        String hint = super.hint(kind);
        return stream && kind == FailureKind.BAD_REQUEST ? hint + "; a server that refuses streamed replies works "
                + "with -o stream=false" : hint;
    }

    @Override
    protected Map<String, String> headers() {
        return bearer();
    }

    @Override
    public int maxStopSequences() {
        return "api.openai.com".equals(baseUrl().host()) ? 4 : Integer.MAX_VALUE;
    }

    @Override
    public EndpointInfo probe() {
        Map<String, String> facts = new TreeMap<>();
        JsonNode models = getJson(urlOf("models"));
        if (models != null && models.path("data").isArray()) {
            for (JsonNode m : models.path("data")) {
                String id = m.path("id").asText("");
                if (id.isEmpty() || !id.equals(model) && models.path("data").size() > 1) {
                    continue; // a server listing several models: only the asked one names what answers
                }
                for (String field : new String[] {"created", "owned_by", "root", "max_model_len"}) {
                    JsonNode v = m.get(field);
                    if (v != null && v.isValueNode() && !v.isNull() && !replyTime(field, v)) {
                        facts.put("models." + id + "." + field, v.asText());
                    }
                }
                facts.putIfAbsent("models." + id, "listed");
            }
        }
        int slots = EndpointInfo.UNKNOWN;
        JsonNode props = getJson(serverRoot().resolve("props"));
        if (props != null && props.isObject()) {
            putText(facts, "props.model_path", props.get("model_path"));
            putText(facts, "props.build_info", props.get("build_info"));
            putText(facts, "props.n_ctx", props.at("/default_generation_settings/n_ctx"));
            JsonNode template = props.get("chat_template");
            if (template != null && template.isTextual()) {
                facts.put("props.chat_template.sha256", sha256(template.asText()));
            }
            JsonNode total = props.get("total_slots");
            if (total != null && total.canConvertToInt()) {
                slots = total.asInt();
            }
        }
        return new EndpointInfo(facts, slots);
    }

    /**
     * Whether a {@code /v1/models} field is the time of the reply rather than a fact about the model: vLLM and
     * llama-server fill {@code created} with the current time, so it would differ between two probes of one
     * deployment (and between two replicas of it).
     */
    static boolean replyTime(String field, JsonNode v) {
        return "created".equals(field) && v.canConvertToLong()
                && Math.abs(System.currentTimeMillis() / 1000 - v.asLong()) <= REPLY_TIME_SLACK_SECONDS;
    }

    /** The server's root: the base URL without a trailing {@code /v1}. */
    private HttpUrl serverRoot() {
        HttpUrl b = baseUrl();
        java.util.List<String> segments = new java.util.ArrayList<>(b.pathSegments());
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("v1")) {
            segments.remove(segments.size() - 1);
        }
        HttpUrl.Builder r = b.newBuilder().encodedPath("/");
        segments.forEach(r::addPathSegment);
        return r.addPathSegment("").build();
    }

    private static void putText(Map<String, String> facts, String key, JsonNode v) {
        if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
            facts.put(key, v.asText());
        }
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Completion read(byte[] reply) {
        return OpenAiReplyReader.read(JSON.getFactory(), reply, api == Api.CHAT);
    }

    @Override
    protected Completion parse(JsonNode reply) throws MalformedReplyException {
        JsonNode choices = reply.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new MalformedReplyException("no choices in reply");
        }
        String text;
        String reasoning = null;
        if (api == Api.CHAT) {
            JsonNode message = reply.at("/choices/0/message");
            reasoning = optionalText(message, "/reasoning_content");
            if (reasoning == null) {
                reasoning = optionalText(message, "/reasoning");
            }
            // a reasoning model may spend every token on its reasoning and return content null
            text = message.path("content").isNull() && reasoning != null ? ""
                    : requireText(reply, "/choices/0/message/content");
        } else {
            text = requireText(reply, "/choices/0/text");
        }
        String finish = optionalText(reply, "/choices/0/finish_reason");
        if (finish == null) {
            finish = optionalText(reply, "/stop_type"); // llama.cpp's own word, when it sends one
        }
        return new Completion(text, optionalInt(reply, "/usage/prompt_tokens"),
                optionalInt(reply, "/usage/completion_tokens"))
                .withFinish(finish)
                .withReasoning(reasoning)
                .withServed(optionalText(reply, "/model"), optionalText(reply, "/system_fingerprint"));
    }
}
