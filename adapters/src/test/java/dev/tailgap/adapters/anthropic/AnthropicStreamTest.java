package dev.tailgap.adapters.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code anthropic} contract with the reply streamed as message events (the default), plus thinking deltas, tool
 * blocks and the API's error events.
 */
class AnthropicStreamTest extends AnthropicAdapterTest {
    private static final String START = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":"
            + "\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
            + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n";

    @Override
    protected String fixtureName() {
        return "anthropic-messages.sse";
    }

    @Override
    protected Map<String, FailureKind> streamErrors() {
        return Map.of(
                START + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}\n\n", FailureKind.RATE_LIMITED,
                START + delta("text_delta", "text", "Fr") + "event: error\ndata: {\"type\":\"error\",\"error\":"
                        + "{\"type\":\"api_error\",\"message\":\"Internal server error\"}}\n\n",
                FailureKind.SERVER_ERROR);
    }

    private static String delta(String type, String field, String text) {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\""
                + type + "\",\"" + field + "\":\"" + text + "\"}}\n\n";
    }

    @Test
    void thinkingIsKeptApartToolAndSignatureDeltasSkippedAndUsageTakenFromTheLastDelta() throws Exception {
        server.enqueue(answer(START
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n"
                + delta("thinking_delta", "thinking", "Lyon is in France.")
                + delta("signature_delta", "signature", "EqQBCgIYAhIM")
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + delta("input_json_delta", "partial_json", "{}")
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"Fra\"}}\n\n"
                + delta("text_delta", "text", "nce")
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":16}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Completion c = a.complete(request());
            assertThat(c.withFirstToken(Completion.UNKNOWN)).isEqualTo(new Completion("France", 12, 16)
                    .withFinish("max_tokens").withReasoning("Lyon is in France.")
                    .withServed("claude-sonnet-4-5", null));
            assertThat(c.truncated()).isTrue();
            assertThat(c.firstTokenMs()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aStreamWithoutMessageStartIsMalformed() throws Exception {
        server.enqueue(answer(delta("text_delta", "text", "France")
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(failure(a)).satisfies(e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED);
                assertThat(e.getMessage()).contains("no message_start");
            });
        }
    }
}
