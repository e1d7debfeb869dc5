package dev.tailgap.adapters.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.http.HttpAdapterContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The contract for {@code anthropic}, plus its stop-sequence and key rules. */
class AnthropicAdapterTest extends HttpAdapterContract {

    AnthropicAdapterTest() {
        super("/", "anthropic-messages.json", new Completion("France", 24, 4).withFinish("end_turn").withServed("claude-3-5-haiku-20241022", null), "/v1/messages");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new AnthropicProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV, streamOption(),
                timeout, 2, env::get));
    }

    @Override
    protected void checkRequest(RecordedRequest r, JsonNode body) {
        assertThat(r.getHeader("x-api-key")).isEqualTo(SECRET);
        assertThat(r.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(body.get("model").asText()).isEqualTo("contract-model");
        assertThat(body.get("system").asText()).isEqualTo("Answer briefly.");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        // "\n" is whitespace only: Anthropic rejects it, so only "Question:" is sent
        assertThat(body.get("stop_sequences")).hasSize(1);
        assertThat(body.at("/stop_sequences/0").asText()).isEqualTo("Question:");
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("stop")).isFalse();
        assertThat(body.path("stream").asBoolean(false)).isEqualTo(streams());
    }

    @Override
    protected List<String> malformedReplies() {
        return List.of("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"end_turn\"}",
                "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":\"France\"}",
                "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"text\"}]}",
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}");
    }

    @Override
    protected String errorBody(int status) {
        String type;
        switch (status) {
            case 429:
                type = "rate_limit_error";
                break;
            case 529:
                type = "overloaded_error";
                break;
            case 401:
                type = "authentication_error";
                break;
            case 403:
                type = "permission_error";
                break;
            case 404:
                type = "not_found_error";
                break;
            default:
                type = status >= 500 ? "api_error" : "invalid_request_error";
        }
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"status " + status + "\"}}";
    }

    @Test
    void textBlocksAreConcatenatedOtherBlocksSkippedAndEmptyContentIsAnEmptyAnswer() throws Exception {
        server.enqueue(json(200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"Fra\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"x\",\"input\":{}},"
                + "{\"type\":\"text\",\"text\":\"nce\"}],"
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2}}"));
        server.enqueue(json(200, "{\"type\":\"message\",\"content\":[],\"stop_reason\":\"stop_sequence\","
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":0}}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(a.complete(request())).isEqualTo(new Completion("France", 5, 2));
            assertThat(a.complete(request())).isEqualTo(new Completion("", 5, 0).withFinish("stop_sequence"));
        }
    }

    @Test
    void onlyWhitespaceStopsMeansNoStopSequencesAndNoSystemMeansNoSystemField() throws Exception {
        server.enqueue(answer(answerBody()));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            a.complete(new CompletionRequest("m", "Q", null, GenerationParams.DEFAULTS));
        }
        JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(body.has("stop_sequences")).isFalse();
        assertThat(body.has("system")).isFalse();
        assertThat(AnthropicAdapter.acceptedStops(List.of("\n", " ", "\t\n", "END", " x "))).containsExactly("END",
                " x ");
    }

    @Test
    void baseUrlEndingInV1IsAcceptedToo() throws Exception {
        server.enqueue(answer(answerBody()));
        try (ModelAdapter a = create(server.url("/v1").toString(), LONG_TIMEOUT, Map.of(KEY_ENV, SECRET))) {
            a.complete(request());
        }
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/messages");
    }

    @Test
    void missingKeyIsAConfigErrorNamingTheVariable() {
        assertThatThrownBy(() -> new AnthropicProvider().create(new AdapterConfig("claude-3-5-haiku-latest", null,
                null, Map.of(), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> create(baseUrl(), LONG_TIMEOUT, Map.of()))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining(KEY_ENV);
    }
}
