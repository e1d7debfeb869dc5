package dev.tailgap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.adapters.ollama.OllamaProvider;
import dev.tailgap.adapters.openai.OpenAiProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming end to end against the independent fake server {@code ../shared/bench/fake_openai.py} (SSE on
 * {@code /v1/chat/completions} and {@code /v1/completions}, JSON lines on {@code /api/chat} and {@code /api/generate}):
 * for each API the streamed reply reads exactly as the whole one (text, finish reason, fingerprint, token counts) and
 * has a time to first token, also when {@code max_tokens} cuts it off. Skipped when python3 or the file is absent.
 */
class FakeServerStreamingTest {
    private static final String QUESTION = "Question: What is the capital of France?\nAnswer:";
    private static FakeOpenAiServer server;
    private static String base;
    private static String answer;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<FakeOpenAiServer> fake = FakeOpenAiServer.start("--latency-ms", "0");
        assumeTrue(fake.isPresent(), "python3 or shared/bench/fake_openai.py not present");
        server = fake.get();
        base = server.base();
        answer = server.answerFor(QUESTION);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void openAiChatStreamsTheSameReplyAsAWholeOne() throws Exception {
        Completion streamed = ask(new OpenAiProvider(), "/v1", Map.of(), 64);
        assertSameAsWhole(streamed, ask(new OpenAiProvider(), "/v1", Map.of("stream", "false"), 64));
        assertThat(streamed.text()).isEqualTo("The answer is " + answer + ".");
        assertThat(streamed.finishReason()).isEqualTo(Completion.STOP);
        assertThat(streamed.fingerprint()).startsWith("fp_");
        assertThat(streamed.servedModel()).isEqualTo("fake-model");
        assertThat(streamed.promptTokens()).isPositive();
        assertThat(streamed.completionTokens()).isPositive();
    }

    @Test
    void openAiCompletionsStreamsTheSameReplyAsAWholeOne() throws Exception {
        Completion streamed = ask(new OpenAiProvider(), "/v1", Map.of("api", "completions"), 64);
        assertSameAsWhole(streamed, ask(new OpenAiProvider(), "/v1", Map.of("api", "completions", "stream",
                "false"), 64));
        assertThat(streamed.text()).isEqualTo(" The answer is " + answer + ".");
        assertThat(streamed.finishReason()).isEqualTo(Completion.STOP);
        assertThat(streamed.fingerprint()).startsWith("fp_");
        assertThat(streamed.completionTokens()).isPositive();
    }

    @Test
    void aStreamCutOffByMaxTokensIsTruncatedOnBothOpenAiApis() throws Exception {
        for (Map<String, String> api : List.of(Map.<String, String>of(), Map.of("api", "completions"))) {
            Completion streamed = ask(new OpenAiProvider(), "/v1", api, 3);
            Map<String, String> whole = new TreeMap<>(api);
            whole.put("stream", "false");
            assertSameAsWhole(streamed, ask(new OpenAiProvider(), "/v1", whole, 3));
            assertThat(streamed.truncated()).as(api.toString()).isTrue();
            assertThat(streamed.text()).hasSize(12); // the fake cuts to max_tokens x 4 characters
        }
    }

    @Test
    void ollamaChatAndGenerateStreamTheSameReplyAsAWholeOne() throws Exception {
        for (String api : List.of("chat", "generate")) {
            Completion streamed = ask(new OllamaProvider(), "", Map.of("api", api), 64);
            assertSameAsWhole(streamed, ask(new OllamaProvider(), "", Map.of("api", api, "stream", "false"), 64));
            assertThat(streamed.text()).as(api).isEqualTo("The answer is " + answer + ".");
            assertThat(streamed.finishReason()).isEqualTo(Completion.STOP);
            assertThat(streamed.servedModel()).isEqualTo("fake-model");
            assertThat(streamed.promptTokens()).isPositive();
            assertThat(streamed.completionTokens()).isPositive();
        }
    }

    @Test
    void everyRequestReachesTheServerOnce() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode before = stats(json);
        ask(new OpenAiProvider(), "/v1", Map.of(), 64);
        ask(new OllamaProvider(), "", Map.of(), 64);
        JsonNode after = stats(json);
        assertThat(after.get("model_requests").asInt() - before.get("model_requests").asInt()).isEqualTo(2);
        assertThat(after.get("in_flight").asInt()).isZero();
    }

    private static void assertSameAsWhole(Completion streamed, Completion whole) {
        assertThat(streamed.firstTokenMs()).as("time to first token").isGreaterThanOrEqualTo(0);
        assertThat(whole.firstTokenMs()).isEqualTo(Completion.UNKNOWN);
        assertThat(streamed.withFirstToken(Completion.UNKNOWN)).isEqualTo(whole);
    }

    private static Completion ask(ModelAdapterProvider provider, String path, Map<String, String> options,
                                  int maxTokens) throws Exception {
        try (ModelAdapter a = provider.create(new AdapterConfig("fake-model", base + path, null, options,
                Duration.ofSeconds(30), 1, k -> null))) {
            return a.complete(new CompletionRequest("fake-model", QUESTION, "Answer briefly.",
                    new GenerationParams(0, maxTokens, List.of("\n"), null)));
        }
    }

    private static JsonNode stats(ObjectMapper json) throws IOException {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(base + "/stats").build()).execute()) {
            return json.readTree(r.body().string());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
