package dev.tailgap.adapters.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.http.HttpAdapterContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The contract for {@code ollama} on {@code /api/chat}, plus its configuration rules. */
class OllamaChatAdapterTest extends HttpAdapterContract {

    OllamaChatAdapterTest() {
        super("/", "ollama-chat.json", new Completion("France", 31, 2).withFinish("stop").withServed("llama3.2", null), "/api/chat");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new OllamaProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV, streamOption(),
                timeout, 2, env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.get("stream").asBoolean()).isEqualTo(streams());
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Answer briefly.");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(16);
        assertThat(body.at("/options/seed").asLong()).isEqualTo(42L);
        assertThat(body.at("/options/stop/0").asText()).isEqualTo("\n");
        assertThat(body.at("/options/stop/1").asText()).isEqualTo("Question:");
        assertThat(body.has("temperature")).isFalse();
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"model\":\"llama3.2\",\"created_at\":\"2024-12-02T11:20:00Z\",\"done\":true}",
                "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\"},\"done\":true}",
                "{\"error\":\"model requires more system memory (5.5 GiB) than is available (2.1 GiB)\"}",
                fixture("ollama-generate.json"));
    }

    @Override
    protected String errorBody(int status) {
        return status == 404 ? "{\"error\":\"model \\\"contract-model\\\" not found, try pulling it first\"}"
                : "{\"error\":\"status " + status + "\"}";
    }

    @Test
    void notFoundSaysToPullTheModel() throws Exception {
        server.enqueue(json(404, errorBody(404)));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(failure(a).getMessage()).contains("not found, try pulling it first").contains("ollama pull");
        }
    }

    @Test
    void promptServedFromCacheHasUnknownPromptTokensAndNoOptionalFieldsAreSent() throws Exception {
        server.enqueue(json(200, "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},"
                + "\"done\":true,\"eval_count\":3}"));
        try (ModelAdapter a = new OllamaProvider().create(new AdapterConfig("m", baseUrl(), null, Map.of(), null, 1,
                k -> null))) {
            Completion c = a.complete(new CompletionRequest("m", "Q", null, new GenerationParams(0, 8, List.of(),
                    null)));
            assertThat(c).isEqualTo(new Completion("Paris", Completion.UNKNOWN, 3).withServed("m", null));
        }
        RecordedRequest r = server.takeRequest();
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("options").has("seed")).isFalse();
        assertThat(body.get("options").has("stop")).isFalse();
    }

    @Test
    void configurationMistakesAreOneLineErrors() {
        assertThatThrownBy(() -> new OllamaProvider().create(new AdapterConfig("llama3.2",
                "http://127.0.0.1:11434/v1", null, Map.of(), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("openai:llama3.2");
        assertThatThrownBy(() -> new OllamaProvider().create(new AdapterConfig("llama3.2", null, null,
                Map.of("api", "embed"), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("chat, generate");
        assertThatThrownBy(() -> new OllamaProvider().create(new AdapterConfig("llama3.2", null, "PROXY_KEY",
                Map.of(), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("PROXY_KEY");
    }

    @Test
    void defaultBaseUrlIsTheLocalOllama() throws Exception {
        try (ModelAdapter a = new OllamaProvider().create(new AdapterConfig("tailgap-no-such-model", null, null,
                Map.of(), Duration.ofSeconds(5), 1, k -> null))) {
            assertThat(failure(a).getMessage()).contains(OllamaProvider.DEFAULT_BASE_URL + "/api/chat");
        }
    }

    @Test
    void errorInsideA200IsMalformedWithTheReason() throws Exception {
        server.enqueue(json(200, "{\"error\":\"unexpected EOF\"}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            var e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
            assertThat(e.getMessage()).contains("unexpected EOF");
        }
    }
}
