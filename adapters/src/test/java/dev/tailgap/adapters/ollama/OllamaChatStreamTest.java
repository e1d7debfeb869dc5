package dev.tailgap.adapters.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ollama} chat contract with the reply streamed as JSON lines (the default), plus thinking and errors. */
class OllamaChatStreamTest extends OllamaChatAdapterTest {

    @Override
    protected String fixtureName() {
        return "ollama-chat.ndjson";
    }

    @Override
    protected Map<String, FailureKind> streamErrors() {
        return Map.of("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"Fr\"},\"done\":false}\n"
                + "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n",
                FailureKind.SERVER_ERROR);
    }

    @Test
    void thinkingIsKeptApartAndTheDoneLineGivesCountsAndReason() throws Exception {
        server.enqueue(answer("{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"thinking\":\"Lyon is \"},\"done\":false}\n\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"in France.\"},"
                + "\"done\":false}\r\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"Fra\"},\"done\":false}\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"length\",\"eval_count\":16}"));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Completion c = a.complete(request());
            assertThat(c.withFirstToken(Completion.UNKNOWN)).isEqualTo(new Completion("Fra", Completion.UNKNOWN, 16)
                    .withFinish("length").withReasoning("Lyon is in France.").withServed("qwen3", null));
        }
    }

    @Test
    void jsonLinesSentAsOneJsonReplyAreMalformedNotTheFirstLine() throws Exception {
        server.enqueue(json(200, answerBody()));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(failure(a).kind()).isEqualTo(FailureKind.MALFORMED);
        }
    }

    @Test
    void aServerThatIgnoresStreamingIsReadAsAWholeReply() throws Exception {
        server.enqueue(json(200, fixture("ollama-chat.json")));
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            assertThat(a.complete(request())).isEqualTo(new Completion("France", 31, 2).withFinish("stop")
                    .withServed("llama3.2", null));
        }
    }
}
