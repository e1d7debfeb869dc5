package dev.tailgap.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.http.HttpAdapterContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The contract for {@code openai} chat completions, plus the provider's configuration rules. */
class OpenAiAdapterTest extends HttpAdapterContract {

    OpenAiAdapterTest() {
        super("/v1", "openai-chat.json", new Completion("France", 23, 2), "/v1/chat/completions");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new OpenAiProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV, Map.of(), timeout, 4,
                env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Answer briefly.");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.get("stop")).hasSize(2);
        assertThat(body.at("/stop/0").asText()).isEqualTo("\n");
        assertThat(body.at("/stop/1").asText()).isEqualTo("Question:");
        assertThat(body.get("seed").asLong()).isEqualTo(42L);
        assertThat(body.has("stream")).isFalse();
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}",
                "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":null},\"finish_reason\":\"stop\"}]}",
                "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"text\":\"France\"}]}",
                "[1,2]");
    }

    @Test
    void noSeedNoStopAndAtMostFourStops() throws Exception {
        scriptAnswer();
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            a.complete(new dev.tailgap.adapters.CompletionRequest("m", "Q", null,
                    new dev.tailgap.adapters.GenerationParams(0, 8, List.of("a", "b", "c", "d", "e"), null)));
        }
        JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(body.has("seed")).isFalse();
        assertThat(body.get("stop")).hasSize(4);
        assertThat(body.get("messages")).hasSize(1);
    }

    @Test
    void missingKeyIsAConfigErrorNamingTheVariable() {
        assertThatThrownBy(() -> new OpenAiProvider().create(new AdapterConfig("gpt-4o-mini", null, null, Map.of(),
                null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("https://api.openai.com/v1");
        assertThatThrownBy(() -> create(baseUrl(), LONG_TIMEOUT, Map.of()))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining(KEY_ENV);
        assertThatThrownBy(() -> new OpenAiProvider().create(new AdapterConfig("m", baseUrl(), null,
                Map.of("api", "embeddings"), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("chat, completions");
        assertThatThrownBy(() -> new OpenAiProvider().create(new AdapterConfig("m", baseUrl(), null,
                Map.of("temprature", "1"), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("no option temprature")
                .hasMessageContaining("api");
    }

    @Test
    void providersAreDiscoveredAndUnknownOnesListWhatExists() throws Exception {
        assertThat(Adapters.provider("openai")).isInstanceOf(OpenAiProvider.class);
        assertThat(Adapters.all()).extracting(p -> p.name())
                .contains("openai", "ollama", "anthropic", "http", "command", "replay");
        assertThatThrownBy(() -> Adapters.provider("nope"))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("unknown provider 'nope'").hasMessageContaining("openai, ");
    }
}
