package dev.tailgap.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code openai} chat contract with the reply streamed as server-sent events (the default), plus the shapes
 * servers stream in: reasoning deltas, no usage chunk, CRLF lines, comments, data split over lines, a key split over
 * chunks, and a server that ignores {@code "stream": true}.
 */
class OpenAiChatStreamTest extends OpenAiAdapterTest {
    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen3\","
            + "\"system_fingerprint\":\"b6000-abc\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";

    @Override
    protected String fixtureName() {
        return "openai-chat.sse";
    }

    @Override
    protected Map<String, FailureKind> streamErrors() {
        return Map.of(
                event("{\"content\":\"Fr\"}", "null") + "data: {\"error\":{\"message\":\"upstream model crashed\","
                        + "\"type\":\"server_error\",\"code\":500}}\n\n", FailureKind.SERVER_ERROR,
                "data: {\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size, try "
                        + "increasing it\",\"type\":\"exceed_context_size_error\"}}\n\n", FailureKind.ITEM_REJECTED,
                event("{\"content\":\"Fr\"}", "null") + "event: error\ndata: {\"message\":\"Overloaded\"}\n\n",
                FailureKind.SERVER_ERROR,
                "data: {\"error\":\"Too many requests\",\"code\":429}\n\n", FailureKind.SERVER_ERROR);
    }

    private static String event(String delta, String finish) {
        return "data: " + String.format(CHUNK, delta, finish) + "\n\n";
    }

    @Test
    void reasoningDeltasFinishReasonAndIdentityAreReadWithoutAUsageChunk() throws Exception {
        server.enqueue(answer(event("{\"role\":\"assistant\",\"content\":null}", "null")
                + event("{\"reasoning_content\":\"Lyon is \"}", "null")
                + event("{\"reasoning\":\"in France.\"}", "null")
                + event("{\"content\":\"Fra\"}", "null")
                + event("{}", "\"length\"")
                + "data: [DONE]\n\n"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Completion c = a.complete(request());
            assertThat(c.text()).isEqualTo("Fra");
            assertThat(c.reasoning()).isEqualTo("Lyon is in France.");
            assertThat(c.truncated()).isTrue();
            assertThat(c.servedModel()).isEqualTo("qwen3");
            assertThat(c.fingerprint()).isEqualTo("b6000-abc");
            assertThat(c.promptTokens()).isEqualTo(Completion.UNKNOWN);
            assertThat(c.completionTokens()).isEqualTo(Completion.UNKNOWN);
            assertThat(c.firstTokenMs()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void crlfCommentsOtherFieldsAndDataSplitOverLinesAreReadAsTheFormatSays() throws Exception {
        server.enqueue(answer(": keep-alive\r\n\r\n"
                + "id: 1\r\nretry: 3000\r\ndata: {\"choices\":[{\"index\":0,\r\ndata:  \"delta\":{\"content\":\"Fr\"}}]}\r\n\r\n"
                + "data:{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"ignored: not the first choice\"}},"
                + "{\"index\":0,\"delta\":{\"content\":\"ance\"},\"finish_reason\":\"stop\"}]}\r\n\r\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\r\n\r\n"
                + "data: [DONE]"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Completion c = a.complete(request());
            assertThat(c.withFirstToken(Completion.UNKNOWN)).isEqualTo(new Completion("France", 5, 2)
                    .withFinish("stop"));
        }
    }

    @Test
    void charactersSplitOverTransferChunksAreDecodedWhole() throws Exception {
        // answer() sends the body in chunks of 7 bytes: these multi-byte characters straddle chunk boundaries
        server.enqueue(answer(event("{\"content\":\"São Paulo, 東京, Москва, 🇫🇷\"}", "\"stop\"")
                + "data: [DONE]\n\n"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(a.complete(request()).text()).isEqualTo("São Paulo, 東京, Москва, 🇫🇷");
        }
    }

    @Test
    void aKeySplitOverTwoChunksIsMaskedInTheAnswerAndTheReasoning() throws Exception {
        server.enqueue(answer(event("{\"reasoning_content\":\"the key sk-test\"}", "null")
                + event("{\"reasoning_content\":\"-key is set\",\"content\":\"your key is sk-te\"}", "null")
                + event("{\"content\":\"st-key\"}", "\"stop\"") + "data: [DONE]\n\n"));
        try (ModelAdapter a = new OpenAiProvider().create(new AdapterConfig("m", baseUrl(), "K", Map.of(), null, 1,
                k -> "sk-test-key"))) {
            Completion c = a.complete(request());
            assertThat(c.text()).isEqualTo("your key is ***");
            assertThat(c.reasoning()).isEqualTo("the key *** is set");
        }
    }

    @Test
    void aServerThatIgnoresStreamingIsReadAsAWholeReply() throws Exception {
        server.enqueue(json(200, fixture("openai-chat.json")));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(a.complete(request())).isEqualTo(new Completion("France", 23, 2).withFinish("stop")
                    .withServed("gpt-4o-mini-2024-07-18", "fp_0ba0d124f1"));
        }
    }

    @Test
    void severalRepliesSentAsOneJsonBodyAreMalformedNotTheFirstOne() throws Exception {
        server.enqueue(json(200, fixture("openai-chat.json") + "\n" + fixture("openai-chat.json")));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(failure(a).kind()).isEqualTo(FailureKind.MALFORMED);
        }
    }

    @Test
    void theStreamOptionIsTrueOrFalse() {
        assertThatThrownBy(() -> new OpenAiProvider().create(new AdapterConfig("m", baseUrl(), null,
                Map.of("stream", "yes"), null, 1, k -> null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("option stream=yes");
    }
}
