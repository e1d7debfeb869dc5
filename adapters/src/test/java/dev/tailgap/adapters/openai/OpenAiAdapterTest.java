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
        super("/v1", "openai-chat.json", new Completion("France", 23, 2).withFinish("stop").withServed("gpt-4o-mini-2024-07-18", "fp_0ba0d124f1"), "/v1/chat/completions");
    }

    @Override
    protected ModelAdapter create(String baseUrl, Duration timeout, Map<String, String> env)
            throws AdapterConfigException {
        return new OpenAiProvider().create(new AdapterConfig("contract-model", baseUrl, KEY_ENV, streamOption(),
                timeout, 4, env::get));
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
        if (streams()) {
            assertThat(body.get("stream").asBoolean()).isTrue();
            assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        } else {
            assertThat(body.has("stream")).isFalse();
            assertThat(body.has("stream_options")).isFalse();
        }
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
    void noSeedAndEveryStopSequenceSentToALocalServer() throws Exception {
        scriptAnswer();
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            a.complete(new dev.tailgap.adapters.CompletionRequest("m", "Q", null,
                    new dev.tailgap.adapters.GenerationParams(0, 8, List.of("a", "b", "c", "d", "e"), null)));
        }
        JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(body.has("seed")).isFalse();
        assertThat(body.get("stop")).hasSize(5);
        assertThat(body.get("messages")).hasSize(1);
    }

    @Test
    void openAisOwnApiTakesAtMostFourStopSequencesLocalServersAny() throws Exception {
        try (ModelAdapter hosted = new OpenAiProvider().create(new AdapterConfig("gpt-4o-mini",
                "https://api.openai.com/v1", "K", Map.of(), null, 1, k -> "sk-test-key"));
             ModelAdapter local = open(LONG_TIMEOUT)) {
            assertThat(hosted.maxStopSequences()).isEqualTo(4);
            assertThat(local.maxStopSequences()).isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void finishReasonReasoningAndServedIdentityAreRead() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"model\":\"qwen3\",\"system_fingerprint\":\"b6000-abc\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Fra\",\"reasoning_content\":\"Lyon is in"
                        + " France.\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":3,"
                        + "\"completion_tokens\":8}}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            dev.tailgap.adapters.Completion c = a.complete(request());
            assertThat(c.text()).isEqualTo("Fra");
            assertThat(c.truncated()).isTrue();
            assertThat(c.reasoning()).isEqualTo("Lyon is in France.");
            assertThat(c.servedModel()).isEqualTo("qwen3");
            assertThat(c.fingerprint()).isEqualTo("b6000-abc");
        }
    }

    @Test
    void aStreamSentThoughNotAskedForIsReadAsAStream() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "text/event-stream").setBody(fixture("openai-chat.sse")));
        try (ModelAdapter a = new OpenAiProvider().create(new AdapterConfig("m", baseUrl(), null,
                Map.of("stream", "false"), null, 1, k -> null))) {
            Completion c = a.complete(request());
            assertThat(c.withFirstToken(Completion.UNKNOWN)).isEqualTo(new Completion("France", 23, 2)
                    .withFinish("stop").withServed("gpt-4o-mini-2024-07-18", "fp_0ba0d124f1"));
            assertThat(c.firstTokenMs()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aKeyEchoedInASuccessfulAnswerIsMasked() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"your key is sk-test-key\"},"
                        + "\"finish_reason\":\"stop\"}]}"));
        try (ModelAdapter a = new OpenAiProvider().create(new AdapterConfig("m", server.url("/v1").toString(), "K",
                Map.of(), null, 1, k -> "sk-test-key"))) {
            assertThat(a.complete(request()).text()).isEqualTo("your key is ***");
        }
    }

    @Test
    void aContextOverflowIsAPerItemRejection() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size\","
                        + "\"type\":\"exceed_context_size_error\"}}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThatThrownBy(() -> a.complete(request()))
                    .isInstanceOfSatisfying(dev.tailgap.adapters.AdapterException.class,
                            e -> assertThat(e.kind()).isEqualTo(dev.tailgap.adapters.FailureKind.ITEM_REJECTED))
                    .hasMessageContaining("exceed_context_size_error");
        }
    }

    @Test
    void probeReadsModelsAndLlamaCppProps() throws Exception {
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                okhttp3.mockwebserver.MockResponse ok = new okhttp3.mockwebserver.MockResponse()
                        .setHeader("Content-Type", "application/json");
                if (r.getPath().equals("/v1/models")) {
                    return ok.setBody("{\"data\":[{\"id\":\"contract-model\",\"created\":1700000000,"
                            + "\"owned_by\":\"llamacpp\"}]}");
                }
                if (r.getPath().equals("/props")) {
                    return ok.setBody("{\"model_path\":\"/models/a.gguf\",\"build_info\":\"b6000-abc\","
                            + "\"total_slots\":4,\"chat_template\":\"{{x}}\","
                            + "\"default_generation_settings\":{\"n_ctx\":4096}}");
                }
                return new okhttp3.mockwebserver.MockResponse().setResponseCode(404);
            }
        });
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            dev.tailgap.adapters.EndpointInfo info = a.probe();
            assertThat(info.slots()).isEqualTo(4);
            assertThat(info.identity()).containsEntry("props.model_path", "/models/a.gguf")
                    .containsEntry("props.build_info", "b6000-abc").containsEntry("props.n_ctx", "4096")
                    .containsEntry("models.contract-model.created", "1700000000")
                    .containsEntry("models.contract-model.owned_by", "llamacpp")
                    .containsKey("props.chat_template.sha256");
        }
    }

    @Test
    void aCreatedTimeThatIsTheTimeOfTheReplyIsNoFact() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                return r.getPath().equals("/v1/models") ? new okhttp3.mockwebserver.MockResponse()
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"data\":[{\"id\":\"contract-model\",\"created\":" + now
                                + ",\"owned_by\":\"vllm\",\"max_model_len\":4096}]}")
                        : new okhttp3.mockwebserver.MockResponse().setResponseCode(404);
            }
        });
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(a.probe().identity()).as("vLLM and llama-server send the current time as created")
                    .doesNotContainKey("models.contract-model.created")
                    .containsEntry("models.contract-model.owned_by", "vllm")
                    .containsEntry("models.contract-model.max_model_len", "4096");
        }
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
