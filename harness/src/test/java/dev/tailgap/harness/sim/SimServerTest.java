package dev.tailgap.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.datasets.Item;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    /** A model that always knows. */
    private static final SimParams KNOWS = new SimParams(4.5, 1.5, 1.0, 1.0, 0.0, 7, 0);
    private static SimServer server;

    @BeforeAll
    static void start() throws IOException {
        List<Item> items = List.of(
                new Item("a", "Who wrote Hamlet?", List.of("William  Shakespeare of\tStratford"), "Hamlet", 1e6, "author",
                        Map.of()),
                new Item("b", "What is the capital of France?", List.of("Paris"), "France", 1e6, "capital", Map.of()));
        server = SimServer.start(SimModel.of(items, KNOWS), 0, 4);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode post(String path, String body, int expectedStatus) throws IOException {
        String url = path.startsWith("/stats") ? "http://127.0.0.1:" + server.port() + path : server.baseUrl() + path;
        Request r = new Request.Builder().url(url)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(r).execute()) {
            assertThat(response.code()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body().string());
        }
    }

    private static String chat(String question, String extra) throws IOException {
        return post("/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                + JSON.writeValueAsString("Answer briefly.\nQuestion: " + question + "\nAnswer:") + "}" + "]" + extra
                + "}", 200).at("/choices/0/message/content").asText();
    }

    @Test
    void answersTheQuestionAfterTheMarkerAndCountsWhitespaceTokens() throws IOException {
        JsonNode reply = post("/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Answer briefly.\\nQuestion: Who wrote Hamlet?\\nAnswer:\"}]}", 200);
        assertThat(reply.at("/choices/0/message/content").asText()).isEqualTo("William  Shakespeare of\tStratford");
        assertThat(reply.at("/usage/prompt_tokens").asInt()).isEqualTo(7);
        assertThat(reply.at("/usage/completion_tokens").asInt()).isEqualTo(4);
        assertThat(reply.at("/usage/total_tokens").asInt()).isEqualTo(11);
        assertThat(reply.path("system_fingerprint").asText()).startsWith("tailgap-synthetic-");
    }

    @Test
    void maxTokensKeepsTheFirstTokensJoinedBySingleSpaces() throws IOException {
        assertThat(chat("Who wrote Hamlet?", ",\"max_tokens\":2")).isEqualTo("William Shakespeare");
        assertThat(chat("Who wrote Hamlet?", ",\"max_tokens\":1")).isEqualTo("William");
        assertThat(chat("Who wrote Hamlet?", ",\"max_tokens\":4")).isEqualTo("William  Shakespeare of\tStratford");
        assertThat(chat("What is the capital of France?", ",\"max_tokens\":1")).isEqualTo("Paris");
    }

    @Test
    void stopSequencesCutTheReply() throws IOException {
        assertThat(chat("Who wrote Hamlet?", ",\"stop\":[\" of\"]")).isEqualTo("William  Shakespeare");
        assertThat(chat("Who wrote Hamlet?", ",\"stop\":\"speare\"")).isEqualTo("William  Shake");
        assertThat(chat("Who wrote Hamlet?", ",\"stop\":[\"\\n\",\"zzz\"]"))
                .isEqualTo("William  Shakespeare of\tStratford");
    }

    @Test
    void legacyCompletionsAndUnknownQuestions() throws IOException {
        JsonNode reply = post("/completions", "{\"model\":\"m\",\"prompt\":\"Q: What is the capital of France?\"}",
                200);
        assertThat(reply.at("/choices/0/text").asText()).isEqualTo("Paris");
        assertThat(chat("Who painted the Mona Lisa?", "")).isEqualTo(SimModel.ABSTAIN);
    }

    @Test
    void badRequestsGetA400AndUnknownPathsA404() throws IOException {
        assertThat(post("/chat/completions", "not json", 400).at("/error/message").asText())
                .contains("not JSON");
        assertThat(post("/chat/completions", "{\"messages\":[]}", 400).at("/error/message").asText())
                .contains("messages");
        assertThat(post("/nowhere", "{}", 404).at("/error/message").asText()).contains("no route");
    }

    @Test
    void statsCountRequestsAndTheBusySpanUntilReset() throws IOException {
        post("/stats/reset", "{}", 200);
        long before = System.currentTimeMillis();
        chat("What is the capital of France?", "");
        chat("Who wrote Hamlet?", "");
        long after = System.currentTimeMillis();
        Request get = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/stats").build();
        JsonNode stats;
        try (Response response = HTTP.newCall(get).execute()) {
            stats = JSON.readTree(response.body().string());
        }
        // the server notes a reply's time after sending it, so the client may have it first: the figures read can
        // only be bounded by when the stats came back
        long read = System.currentTimeMillis();
        assertThat(stats.path("requests").asLong()).isEqualTo(2);
        assertThat(stats.path("firstRequestMs").asLong()).isBetween(before, after);
        assertThat(stats.path("lastReplyMs").asLong()).isBetween(stats.path("firstRequestMs").asLong(), read);
        assertThat(post("/stats/reset", "{}", 200).path("requests").asLong()).isZero();
        assertThat(server.requests()).isZero();
    }
}
