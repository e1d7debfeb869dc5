package dev.tailgap.harness.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.GenerationParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    private static final CacheKey.Endpoint ENDPOINT = new CacheKey.Endpoint("openai", "http://127.0.0.1:8000/v1",
            Map.of("api", "chat"));
    private static final CompletionRequest REQUEST = new CompletionRequest("gpt-x", "Question: Q?", "Be brief.",
            new GenerationParams(0.0, 32, List.of("\n"), null));

    @Test
    void theSameRequestHasTheSameKeyAndAChangeToAnyPartGivesAnother() {
        assertThat(CacheKey.of(ENDPOINT, REQUEST)).hasSize(64).isEqualTo(CacheKey.of(
                new CacheKey.Endpoint("openai", "http://127.0.0.1:8000/v1", Map.of("api", "chat")),
                new CompletionRequest("gpt-x", "Question: Q?", "Be brief.",
                        new GenerationParams(0.0, 32, List.of("\n"), null))));
        GenerationParams p = REQUEST.params();
        List<String> keys = new ArrayList<>(List.of(
                CacheKey.of(ENDPOINT, REQUEST),
                CacheKey.of(new CacheKey.Endpoint("ollama", ENDPOINT.baseUrl(), ENDPOINT.options()), REQUEST),
                CacheKey.of(new CacheKey.Endpoint("openai", "http://127.0.0.1:8001/v1", ENDPOINT.options()), REQUEST),
                CacheKey.of(new CacheKey.Endpoint("openai", ENDPOINT.baseUrl(), Map.of("api", "completions")), REQUEST),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-y", REQUEST.prompt(), REQUEST.system(), p)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", "Question: Q!", REQUEST.system(), p)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), null, p)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(),
                        new GenerationParams(0.7, 32, List.of("\n"), null))),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(),
                        new GenerationParams(0.0, 33, List.of("\n"), null))),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(),
                        new GenerationParams(0.0, 32, List.of(), null))),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(),
                        new GenerationParams(0.0, 32, List.of("\n"), 42L))),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(), p, null,
                        List.of(new dev.tailgap.adapters.ChatTurn("Q: a?", "b")), 0)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(), p, null,
                        List.of(new dev.tailgap.adapters.ChatTurn("Q: a?", "c")), 0)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(), p, null,
                        List.of(), 1)),
                CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(), p, null,
                        List.of(), 2)),
                CacheKey.of(new CacheKey.Endpoint("openai", ENDPOINT.baseUrl(), Map.of("api", "chat",
                        "body.top_k", "40")), REQUEST)));
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
        // the first sample of an item, without turns, keeps the key of a request asked once
        assertThat(CacheKey.of(ENDPOINT, new CompletionRequest("gpt-x", REQUEST.prompt(), REQUEST.system(), p, "id-1",
                List.of(), 0))).isEqualTo(CacheKey.of(ENDPOINT, REQUEST));
    }

    @Test
    void secretsNeverEnterTheKey() {
        String planted = "sk-planted-secret";
        String json = CacheKey.canonicalJson(new CacheKey.Endpoint("http", "https://user:" + planted
                + "@host/v1?key=" + planted, Map.of("header.Authorization", "Bearer " + planted, "api_key", planted,
                "temperature-override", "0")), REQUEST);
        assertThat(json).doesNotContain(planted).contains("https://host/v1").contains("temperature-override");
        assertThat(CacheKey.of(new CacheKey.Endpoint("http", "https://host/v1", Map.of("api-key", "one")), REQUEST))
                .isEqualTo(CacheKey.of(new CacheKey.Endpoint("http", "https://host/v1", Map.of("api-key", "two")),
                        REQUEST));
    }

    @Test
    void samplingWithoutASeedIsSampled() {
        assertThat(CacheKey.sampled(new GenerationParams(0.0, 8, List.of(), null))).isFalse();
        assertThat(CacheKey.sampled(new GenerationParams(0.7, 8, List.of(), null))).isTrue();
        assertThat(CacheKey.sampled(new GenerationParams(0.7, 8, List.of(), 1L))).isFalse();
    }
}
