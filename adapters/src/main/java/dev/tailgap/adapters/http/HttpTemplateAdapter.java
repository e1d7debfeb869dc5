package dev.tailgap.adapters.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Any JSON HTTP API: POSTs a {@link BodyTemplate} filled in per request to one URL with configured headers, and
 * reads the answer (and optionally token counts and an error field) by JSON Pointer.
 */
final class HttpTemplateAdapter extends JsonHttpAdapter {
    private final BodyTemplate body;
    private final Map<String, String> headers;
    private final JsonPointer answer;
    private final JsonPointer promptTokens;
    private final JsonPointer completionTokens;
    private final JsonPointer error;
    private final List<String> keyVariables;

    HttpTemplateAdapter(HttpUrl url, AdapterConfig config, Collection<String> secrets, BodyTemplate body,
                        Map<String, String> headers, JsonPointer answer, JsonPointer promptTokens,
                        JsonPointer completionTokens, JsonPointer error, List<String> keyVariables) {
        super(url, config, secrets);
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.answer = answer;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.error = error;
        this.keyVariables = List.copyOf(keyVariables);
    }

    @Override
    protected String path(CompletionRequest request) {
        return "";
    }

    @Override
    protected JsonNode payload(CompletionRequest request) throws IOException {
        return body.json(request);
    }

    @Override
    protected Map<String, String> headers() {
        return headers;
    }

    @Override
    protected String hint(FailureKind kind) {
        switch (kind) {
            case AUTH:
                return keyVariables.isEmpty()
                        ? "the endpoint wants credentials: add a header such as -o header.Authorization='Bearer "
                        + "${MY_KEY}' with the key in environment variable MY_KEY"
                        : "check the key in environment variable " + String.join(", ", keyVariables);
            case NOT_FOUND:
                return "check the url option and the model name";
            case BAD_REQUEST:
                return "the endpoint rejected the request: check the body template and the model name";
            default:
                return super.hint(kind);
        }
    }

    @Override
    protected Completion parse(JsonNode reply) throws MalformedReplyException {
        if (error != null) {
            JsonNode e = reply.at(error);
            if (!e.isMissingNode() && !e.isNull()) {
                throw new MalformedReplyException("error in reply at " + error + ": "
                        + (e.isValueNode() ? e.asText() : e.toString()));
            }
        }
        String text = requireText(reply, answer.toString());
        return new Completion(text, tokens(reply, promptTokens), tokens(reply, completionTokens));
    }

    private static int tokens(JsonNode reply, JsonPointer pointer) {
        return pointer == null ? Completion.UNKNOWN : optionalInt(reply, pointer.toString());
    }
}
