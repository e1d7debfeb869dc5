package dev.tailgap.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.http.BodyOptions;
import dev.tailgap.adapters.http.JsonHttpAdapter.MalformedReplyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reading of a whole reply agrees with the tree reading on every reply: the same completion for the
 * usual shape, and no completion (so the tree reading names the fault) for any reply the tree reading refuses or
 * that is unusual.
 */
class OpenAiReplyReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many of the chat variants below are of the usual shape. */
    private static final int USUAL_CHAT = 7;

    static Stream<Arguments> replies() throws Exception {
        List<Arguments> all = new ArrayList<>();
        String chat = Files.readString(Path.of("src/test/resources/fixtures/openai-chat.json"));
        String completions = Files.readString(Path.of("src/test/resources/fixtures/openai-completions.json"));
        all.add(Arguments.of(true, chat, true));
        all.add(Arguments.of(false, completions, true));
        String[] chatVariants = {
            "{\"choices\":[{\"message\":{\"content\":\"Paris\"}}]}",
            "{\"choices\":[{\"message\":{\"content\":null,\"reasoning_content\":\"hmm\"}}],\"model\":\"m\"}",
            "{\"choices\":[{\"message\":{\"content\":\"x\",\"reasoning\":\"r\"},\"finish_reason\":\"length\"}]}",
            "{\"choices\":[{\"message\":{\"content\":\"x\"},\"finish_reason\":null}],\"stop_type\":\"limit\"}",
            "{\"choices\":[{\"message\":{\"content\":\"x\"}},{\"message\":{\"content\":\"second\"}}]}",
            "{\"model\":{\"nested\":[1,2]},\"system_fingerprint\":null,\"choices\":[{\"message\":{\"content\":\"é\\u00e9\"}}]}",
            "{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"x\":{\"y\":[]}},\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
            // from here on unusual or faulty: the tree reading decides
            "{\"usage\":{\"prompt_tokens\":3.0},\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
            "{\"usage\":{\"prompt_tokens\":99999999999},\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
            "{\"usage\":null,\"choices\":[{\"message\":{\"content\":\"a\"}}]}",
            "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"choices\":[{\"message\":{\"content\":\"b\"}}]}",
            "{\"choices\":[{\"message\":{\"content\":\"a\",\"content\":\"b\"}}]}",
            "{\"choices\":[]}",
            "{\"choices\":[1]}",
            "{\"choices\":[{\"message\":{}}]}",
            "{\"choices\":[{\"message\":{\"content\":null}}]}",
            "{\"choices\":[{\"message\":{\"content\":7}}]}",
            "{\"choices\":[{\"text\":\"completions field\"}]}",
            "{\"choices\":[{\"message\":{\"content\":\"a\"}}]} {\"trailing\":1}",
            "{\"object\":\"list\"}",
            "[]",
        };
        for (int i = 0; i < chatVariants.length; i++) {
            all.add(Arguments.of(true, chatVariants[i], i < USUAL_CHAT));
        }
        String[] completionVariants = {
            "{\"choices\":[{\"text\":\" France\",\"finish_reason\":\"stop\"}],\"model\":\"q\"}",
            "{\"choices\":[{\"text\":null}]}",
            "{\"choices\":[{\"message\":{\"content\":\"chat field\"}}]}",
            "{\"choices\":[{\"text\":\"a\",\"text\":\"b\"}]}",
        };
        for (String v : completionVariants) {
            all.add(Arguments.of(false, v, v == completionVariants[0]));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("replies")
    void streamingReadingAgreesWithTheTreeReading(boolean chat, String reply, boolean mustBeFast) throws Exception {
        OpenAiAdapter adapter = new OpenAiAdapter(HttpUrl.get("http://127.0.0.1:1/v1"),
                AdapterConfig.of("m", null, null), chat ? OpenAiAdapter.Api.CHAT : OpenAiAdapter.Api.COMPLETIONS,
                false, BodyOptions.of(AdapterConfig.of("m", null, null)));
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        Completion fast = adapter.read(bytes);
        Completion tree;
        try {
            JsonNode node = JSON.reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
            tree = node != null && node.isObject() ? adapter.parse(node) : null;
        } catch (MalformedReplyException | java.io.IOException e) {
            tree = null;
        }
        if (fast != null) {
            assertThat(fast).isEqualTo(tree);
        } else {
            assertThat(mustBeFast).as("the usual shape is read without a tree").isFalse();
        }
        adapter.close();
    }
}
