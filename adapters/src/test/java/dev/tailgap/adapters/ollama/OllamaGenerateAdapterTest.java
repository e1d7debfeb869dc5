package dev.tailgap.adapters.ollama;

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

/** The contract for {@code ollama} with {@code api=generate}, behind a path prefix (a reverse proxy). */
class OllamaGenerateAdapterTest extends HttpAdapterContract {

    OllamaGenerateAdapterTest() {
        super("/ollama", "ollama-generate.json", new Completion("France", 31, 2).withFinish("stop").withServed("llama3.2", null), "/ollama/api/generate");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new OllamaProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV,
                streamOption("api", "generate"), timeout, 1, env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.get("prompt").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(body.get("system").asText()).isEqualTo("Answer briefly.");
        assertThat(body.has("messages")).isFalse();
        assertThat(body.get("stream").asBoolean()).isEqualTo(streams());
        assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.at("/options/num_predict").asInt()).isEqualTo(16);
        assertThat(body.at("/options/seed").asLong()).isEqualTo(42L);
        assertThat(body.at("/options/stop")).hasSize(2);
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"model\":\"llama3.2\",\"done\":true,\"eval_count\":2}",
                "{\"model\":\"llama3.2\",\"response\":null,\"done\":true}",
                fixture("ollama-chat.json"));
    }

    @Override
    protected String errorBody(int status) {
        return "{\"error\":\"status " + status + "\"}";
    }
}
