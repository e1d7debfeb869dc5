package dev.tailgap.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT_REPLY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Paris\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private ModelAdapter adapter(Map<String, String> options, String keyEnv, Map<String, String> env)
            throws AdapterConfigException {
        return new OpenAiProvider().create(new AdapterConfig("gpt-test", server.url("/v1").toString(), keyEnv,
                options, Duration.ofSeconds(2), 4, env::get));
    }

    private static CompletionRequest request(GenerationParams params) {
        return new CompletionRequest("gpt-test", "Question: capital of France?\nAnswer:", null, params);
    }

    @Test
    void chatRequestCarriesEveryParameterAndReadsTextAndTokens() throws Exception {
        server.enqueue(new MockResponse().setBody(CHAT_REPLY));
        try (ModelAdapter a = adapter(Map.of(), "TG_KEY", Map.of("TG_KEY", "sk-secret"))) {
            Completion c = a.complete(request(new GenerationParams(0.0, 16, List.of("\n"), 7L)));
            assertThat(c).isEqualTo(new Completion("Paris", 12, 2));
        }
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer sk-secret");
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Question: capital of France?\nAnswer:");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.at("/stop/0").asText()).isEqualTo("\n");
        assertThat(body.get("seed").asLong()).isEqualTo(7L);
    }

    @Test
    void completionsApiAndSystemPromptAndNoSeed() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"choices\":[{\"text\":\" Paris\"}]}"));
        try (ModelAdapter a = adapter(Map.of("api", "completions"), null, Map.of())) {
            Completion c = a.complete(new CompletionRequest("m", "Q", "Be brief.", GenerationParams.DEFAULTS));
            assertThat(c).isEqualTo(new Completion(" Paris", Completion.UNKNOWN, Completion.UNKNOWN));
        }
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getPath()).isEqualTo("/v1/completions");
        assertThat(r.getHeader("Authorization")).isNull();
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertThat(body.get("prompt").asText()).isEqualTo("Be brief.\n\nQ");
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void statusCodesMapToRetryableOrFatalKinds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody("slow down"));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>busy</html>"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"bad key\"}"));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("not found"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("bad"));
        try (ModelAdapter a = adapter(Map.of(), "TG_KEY", Map.of("TG_KEY", "k"))) {
            AdapterException e429 = failure(a);
            assertThat(e429.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(e429.retryable()).isTrue();
            assertThat(e429.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(failure(a).kind()).isEqualTo(FailureKind.SERVER_ERROR);
            AdapterException auth = failure(a);
            assertThat(auth.kind()).isEqualTo(FailureKind.AUTH);
            assertThat(auth.retryable()).isFalse();
            assertThat(auth.getMessage()).contains("HTTP 401").contains("TG_KEY").doesNotContain("\n");
            assertThat(failure(a).getMessage()).contains("HTTP 404").contains("/v1");
            assertThat(failure(a).kind()).isEqualTo(FailureKind.BAD_REQUEST);
        }
    }

    @Test
    void malformedRepliesAreErrorsNeverAnswers() throws Exception {
        server.enqueue(new MockResponse().setBody("<html>gateway</html>"));
        server.enqueue(new MockResponse().setBody("{\"choices\":[]}"));
        server.enqueue(new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":null}}]}"));
        server.enqueue(new MockResponse().setBody("[1,2]"));
        try (ModelAdapter a = adapter(Map.of(), null, Map.of())) {
            assertThat(failure(a).getMessage()).contains("not JSON");
            assertThat(failure(a).getMessage()).contains("no choices");
            assertThat(failure(a).getMessage()).contains("/choices/0/message/content");
            assertThat(failure(a).kind()).isEqualTo(FailureKind.MALFORMED);
        }
    }

    @Test
    void timeoutsAndDroppedConnectionsAreRetryable() throws Exception {
        server.enqueue(new MockResponse().setBody(CHAT_REPLY).setHeadersDelay(5, TimeUnit.SECONDS));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        try (ModelAdapter a = new OpenAiProvider().create(new AdapterConfig("m", server.url("/v1").toString(),
                null, Map.of(), Duration.ofMillis(300), 1, k -> null))) {
            AdapterException timeout = failure(a);
            assertThat(timeout.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(timeout.retryable()).isTrue();
            AdapterException dropped = failure(a);
            assertThat(dropped.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(dropped.retryable()).isTrue();
        }
    }

    @Test
    void unreachableEndpointNamesTheUrl() throws Exception {
        int port = server.getPort();
        server.shutdown();
        try (ModelAdapter a = adapter(Map.of(), null, Map.of())) {
            AdapterException e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("cannot reach");
        }
        server = new MockWebServer();
    }

    @Test
    void missingKeyIsAConfigErrorNamingTheVariable() {
        assertThatThrownBy(() -> new OpenAiProvider().create(new AdapterConfig("gpt-4o-mini", null, null, Map.of(),
                null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("https://api.openai.com/v1");
        assertThatThrownBy(() -> adapter(Map.of(), "MY_KEY", Map.of()))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("MY_KEY");
        assertThatThrownBy(() -> adapter(Map.of("api", "embeddings"), null, Map.of()))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("chat, completions");
    }

    @Test
    void providerIsDiscoveredAndUnknownOnesListWhatExists() throws Exception {
        assertThat(Adapters.provider("openai")).isInstanceOf(OpenAiProvider.class);
        assertThatThrownBy(() -> Adapters.provider("nope"))
                .isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("unknown provider 'nope'").hasMessageContaining("openai");
    }

    private static AdapterException failure(ModelAdapter a) {
        try {
            a.complete(request(GenerationParams.DEFAULTS));
        } catch (AdapterException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
