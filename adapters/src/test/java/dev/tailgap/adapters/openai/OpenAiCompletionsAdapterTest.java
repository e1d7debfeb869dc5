package dev.tailgap.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.http.HttpAdapterContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;

/** The contract for {@code openai} with {@code api=completions} (base models on vLLM and the like). */
class OpenAiCompletionsAdapterTest extends HttpAdapterContract {

    OpenAiCompletionsAdapterTest() {
        super("/v1/", "openai-completions.json", new Completion(" France", 21, 2).withFinish("stop").withServed("Qwen/Qwen2.5-7B", null), "/v1/completions");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new OpenAiProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV,
                streamOption("api", "completions"), timeout, 1, env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.get("prompt").asText())
                .isEqualTo("Answer briefly.\n\nQuestion: In what country is Lyon?\nAnswer:");
        assertThat(body.has("messages")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.at("/stop/1").asText()).isEqualTo("Question:");
        assertThat(body.get("seed").asLong()).isEqualTo(42L);
        assertThat(body.path("stream").asBoolean(false)).isEqualTo(streams());
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[]}",
                "{\"id\":\"cmpl-1\",\"choices\":[{\"index\":0,\"text\":null,\"finish_reason\":\"length\"}]}",
                "{\"id\":\"cmpl-1\",\"choices\":{\"text\":\"France\"}}");
    }
}
