package dev.tailgap.adapters.openai;

import dev.tailgap.adapters.FailureKind;
import java.util.Map;

/** The {@code openai} legacy-completions contract with the reply streamed as server-sent events (vLLM's shape). */
class OpenAiCompletionsStreamTest extends OpenAiCompletionsAdapterTest {

    @Override
    protected String fixtureName() {
        return "openai-completions.sse";
    }

    @Override
    protected Map<String, FailureKind> streamErrors() {
        return Map.of("data: {\"choices\":[{\"index\":0,\"text\":\" Fr\"}]}\n\ndata: {\"object\":\"error\","
                + "\"message\":\"engine died\",\"type\":\"InternalServerError\",\"code\":500,\"error\":"
                + "{\"message\":\"engine died\"}}\n\n", FailureKind.SERVER_ERROR);
    }
}
