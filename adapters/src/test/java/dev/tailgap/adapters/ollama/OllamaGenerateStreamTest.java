package dev.tailgap.adapters.ollama;

import dev.tailgap.adapters.FailureKind;
import java.util.Map;

/** The {@code ollama} generate contract with the reply streamed as JSON lines (the default). */
class OllamaGenerateStreamTest extends OllamaGenerateAdapterTest {

    @Override
    protected String fixtureName() {
        return "ollama-generate.ndjson";
    }

    @Override
    protected Map<String, FailureKind> streamErrors() {
        return Map.of("{\"model\":\"llama3.2\",\"response\":\"Fr\",\"done\":false}\n{\"error\":{\"message\":"
                + "\"llama runner process has terminated\"}}\n", FailureKind.SERVER_ERROR);
    }
}
