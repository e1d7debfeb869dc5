package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.ChatTurn;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The bodies the OpenAI-compatible, Ollama and Anthropic adapters send over loopback with {@code body.} pass-through
 * options and earlier chat turns, byte for byte; and the options refused.
 */
class PassThroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GenerationParams PARAMS = new GenerationParams(0.5, 15, List.of("\n"), 7L);
    private static final CompletionRequest REQUEST = new CompletionRequest("m", "Q: Who wrote Dune? A:", null, PARAMS,
            "item-1", List.of(new ChatTurn("Q: What is the capital of France? A:", "Paris")), 2);

    private static String sent(String provider, String path, Map<String, String> options, String reply,
                               CompletionRequest request) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(reply));
            server.start();
            Map<String, String> all = new TreeMap<>(options);
            all.put("stream", "false");
            try (ModelAdapter a = Adapters.provider(provider).create(new AdapterConfig("m", server.url(path).toString(), null,
                    all, Duration.ofSeconds(5), 1, k -> "k"))) {
                assertThat(a.acceptsTurns()).isTrue();
                a.complete(request);
            }
            return server.takeRequest().getBody().readUtf8();
        }
    }

    private static final String OPENAI_REPLY = "{\"choices\":[{\"message\":{\"content\":\"Frank Herbert\"},"
            + "\"finish_reason\":\"stop\"}]}";

    @Test
    void openAiMergesTypedBodyFieldsAndSendsTurnsAsMessages() throws Exception {
        String body = sent("openai", "/v1", Map.of("body.top_k", "40", "body.top_p", "0.9",
                "body.cache_prompt", "false", "body.logprobs", "true", "body.repeat_penalty", "1.1",
                "body.chat_template_kwargs.enable_thinking", "false", "body.tag", "run-7"), OPENAI_REPLY, REQUEST);
        assertThat(body).isEqualTo("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Q: What is the capital of France? A:\"},"
                + "{\"role\":\"assistant\",\"content\":\"Paris\"},"
                + "{\"role\":\"user\",\"content\":\"Q: Who wrote Dune? A:\"}],"
                + "\"temperature\":0.5,\"max_tokens\":15,\"stop\":[\"\\n\"],\"seed\":7,"
                + "\"cache_prompt\":false,\"chat_template_kwargs\":{\"enable_thinking\":false},\"logprobs\":true,"
                + "\"repeat_penalty\":1.1,\"tag\":\"run-7\",\"top_k\":40,\"top_p\":0.9}");
    }

    @Test
    void objectValuesMergeIntoWhatIsThere() throws Exception {
        String body = sent("openai", "/v1", Map.of("body.chat_template_kwargs", "{\"a\":1,\"b\":{\"c\":2}}",
                "body.chat_template_kwargs.b.d", "[1,2]"), OPENAI_REPLY,
                new CompletionRequest("m", "hi", null, GenerationParams.DEFAULTS));
        assertThat(JSON.readTree(body).get("chat_template_kwargs").toString())
                .isEqualTo("{\"a\":1,\"b\":{\"c\":2,\"d\":[1,2]}}");
    }

    @Test
    void ollamaSendsModelOptionsInOptionsAndRequestFieldsAtTheTop() throws Exception {
        String body = sent("ollama", "/", Map.of("body.top_k", "40", "body.repeat_penalty", "1.1",
                "body.keep_alive", "5m", "body.think", "false"),
                "{\"message\":{\"content\":\"Frank Herbert\"},\"done\":true}", REQUEST);
        assertThat(body).isEqualTo("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Q: What is the capital of France? A:\"},"
                + "{\"role\":\"assistant\",\"content\":\"Paris\"},"
                + "{\"role\":\"user\",\"content\":\"Q: Who wrote Dune? A:\"}],\"stream\":false,"
                + "\"options\":{\"temperature\":0.5,\"num_predict\":15,\"seed\":7,\"stop\":[\"\\n\"],"
                + "\"repeat_penalty\":1.1,\"top_k\":40},\"keep_alive\":\"5m\",\"think\":false}");
    }

    @Test
    void anthropicSendsTurnsBeforeThePrompt() throws Exception {
        String body = sent("anthropic", "/", Map.of(), "{\"content\":[{\"type\":\"text\",\"text\":\"Frank\"}]}",
                REQUEST);
        assertThat(body).isEqualTo("{\"model\":\"m\",\"max_tokens\":15,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Q: What is the capital of France? A:\"},"
                + "{\"role\":\"assistant\",\"content\":\"Paris\"},"
                + "{\"role\":\"user\",\"content\":\"Q: Who wrote Dune? A:\"}],\"temperature\":0.5}");
    }

    @Test
    void fieldsTheAdapterSetsAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> Adapters.provider("openai").create(new AdapterConfig("m", "http://127.0.0.1:9/v1", null,
                Map.of("body.temperature", "1"), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessage("option body.temperature: the openai adapter sets temperature itself; use --temperature "
                        + "instead");
        assertThatThrownBy(() -> Adapters.provider("ollama").create(new AdapterConfig("m", "http://127.0.0.1:9", null,
                Map.of("body.num_predict", "5"), null, 1, k -> null)))
                .hasMessage("option body.num_predict: the ollama adapter sets options.num_predict itself; use "
                        + "--max-tokens instead");
        assertThatThrownBy(() -> Adapters.provider("ollama").create(new AdapterConfig("m", "http://127.0.0.1:9", null,
                Map.of("body.options", "{\"seed\":1}"), null, 1, k -> null)))
                .hasMessageContaining("sets options.seed itself; use --gen-seed");
        assertThatThrownBy(() -> Adapters.provider("openai").create(new AdapterConfig("m", "http://127.0.0.1:9/v1", null,
                Map.of("body.a..b", "1"), null, 1, k -> null)))
                .hasMessageContaining("option body.a..b has an empty field name");
    }

    @Test
    void valuesAreTypedJsonWhenTheyAreJsonElseStrings() {
        assertThat(BodyOptions.parse("40").isInt()).isTrue();
        assertThat(BodyOptions.parse("0.9").isDouble()).isTrue();
        assertThat(BodyOptions.parse("true").isBoolean()).isTrue();
        assertThat(BodyOptions.parse("null").isNull()).isTrue();
        assertThat(BodyOptions.parse("{\"x\":1}").isObject()).isTrue();
        assertThat(BodyOptions.parse("[1]").isArray()).isTrue();
        assertThat(BodyOptions.parse("\"40\"").asText()).isEqualTo("40");
        assertThat(BodyOptions.parse("5m").asText()).isEqualTo("5m");
        assertThat(BodyOptions.parse("40 41").asText()).isEqualTo("40 41");
        assertThat(BodyOptions.parse("").asText()).isEmpty();
        assertThat(BodyOptions.parse("{broken").asText()).isEqualTo("{broken");
    }
}
