package dev.tailgap.adapters.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterContract;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract for the {@code gguf} provider, with the tiny models of the shared test material (skipped when they are
 * absent). The models know no facts: these tests check loading, generation, max tokens, stop sequences, seeds, token
 * counts, timeout and cancellation, never answers. Greedy decoding makes every output reproducible, so expectations
 * are taken from the model's own unconstrained output.
 */
class GgufAdapterTest extends AdapterContract {
    static final String STORIES = "stories260K.gguf";
    static final String RANDOM = "llama-2-tiny-random.gguf";
    private static final GenerationParams GREEDY_30 = new GenerationParams(0, 30, List.of(), null);

    @TempDir
    Path tmp;

    private Held held;

    /** The shared tiny model {@code name}, or a skipped test. */
    static Path model(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("models").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared test model " + name + " is absent");
        return null;
    }

    private static GgufAdapter create(String model, Duration timeout, Map<String, String> options)
            throws AdapterConfigException {
        return (GgufAdapter) new GgufProvider().create(new AdapterConfig(model(model).toString(), null, null,
                options, timeout, 1, k -> null));
    }

    private static CompletionRequest story(GenerationParams params) {
        return new CompletionRequest("m", "Once upon a time", null, params);
    }

    @Override
    protected ModelAdapter open(Duration timeout) throws Exception {
        GgufAdapter a = create(STORIES, timeout, Map.of("threads", "2", "ctx", "256"));
        if (held != null) {
            Held h = held;
            a.afterToken = h::hold;
        }
        return a;
    }

    @Override
    protected void scriptAnswer() {
        // the model decides
    }

    @Override
    protected void checkAnswer(Completion c) throws Exception {
        assertThat(c.promptTokens()).isPositive();
        assertThat(c.completionTokens()).isBetween(1, request().params().maxTokens());
        assertThat(c.text()).doesNotContain("\n").doesNotContain("Question:");
        try (ModelAdapter again = open(LONG_TIMEOUT)) {
            assertThat(again.complete(request())).as("greedy decoding is reproducible").isEqualTo(c);
        }
    }

    @Override
    protected void checkRequestShape() {
        // in process, nothing to intercept: the parameters are checked by their effect in the tests below
    }

    @Override
    protected List<Failure> failures() {
        return List.of(); // an in-process model has no failures to script; its timeout is tested below
    }

    @Override
    protected Optional<Stall> stall() {
        held = new Held();
        return Optional.of(held);
    }

    @Override
    protected boolean stallTimesOut() {
        return false; // the timeout is checked between tokens; the timeout test below uses one that always passes
    }

    @Override
    protected void checkReleased(ModelAdapter closed) {
        // the native model is freed by close(); a later request fails as CANCELLED (checked by the contract)
    }

    /** Holds generation after the first token until released. */
    private static final class Held implements Stall {
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);

        void hold() {
            inFlight.countDown();
            try {
                go.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void awaitInFlight() throws InterruptedException {
            assertThat(inFlight.await(60, TimeUnit.SECONDS)).as("generation started").isTrue();
        }

        @Override
        public void release() {
            go.countDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {STORIES, RANDOM})
    void loadsGeneratesAndHonoursMaxTokens(String name) throws Exception {
        try (GgufAdapter a = create(name, LONG_TIMEOUT, Map.of("threads", "2", "ctx", "128"))) {
            Completion five = a.complete(story(new GenerationParams(0, 5, List.of(), null)));
            Completion three = a.complete(story(new GenerationParams(0, 3, List.of(), null)));
            assertThat(five.completionTokens()).isEqualTo(5);
            assertThat(three.completionTokens()).isEqualTo(3);
            assertThat(five.text()).isNotEmpty().startsWith(three.text());
            assertThat(five.promptTokens()).isEqualTo(three.promptTokens()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {STORIES, RANDOM})
    void stopsAtAStopSequenceAndLeavesItOut(String name) throws Exception {
        try (GgufAdapter a = create(name, LONG_TIMEOUT, Map.of("ctx", "128"))) {
            String full = a.complete(story(GREEDY_30)).text();
            assertThat(full.length()).isGreaterThan(12);
            String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
            Completion stopped = a.complete(story(new GenerationParams(0, 30, List.of("NEVER-SEEN", stop), null)));
            assertThat(stopped.text()).isEqualTo(full.substring(0, full.indexOf(stop)));
            assertThat(stopped.completionTokens()).isLessThan(30);
        }
    }

    @Test
    void aSeedMakesSamplingReproducibleAndTheSystemMessageIsPartOfThePrompt() throws Exception {
        try (GgufAdapter a = create(STORIES, LONG_TIMEOUT, Map.of("ctx", "128"))) {
            GenerationParams sampled = new GenerationParams(0.9, 20, List.of(), 7L);
            assertThat(a.complete(story(sampled)).text()).isEqualTo(a.complete(story(sampled)).text());
            Completion plain = a.complete(story(GREEDY_30));
            Completion withSystem = a.complete(new CompletionRequest("m", "Once upon a time", "Tell a story.",
                    GREEDY_30));
            assertThat(withSystem.promptTokens()).isGreaterThan(plain.promptTokens());
        }
    }

    @Test
    void chatModeWrapsThePromptInTheModelsChatTemplate() throws Exception {
        CompletionRequest r = new CompletionRequest("m", "Once upon a time", "Tell a story.",
                new GenerationParams(0, 8, List.of(), null));
        Completion raw;
        Completion chat;
        try (GgufAdapter a = create(STORIES, LONG_TIMEOUT, Map.of("ctx", "128"))) {
            raw = a.complete(r);
        }
        try (GgufAdapter a = create(STORIES, LONG_TIMEOUT, Map.of("ctx", "128", "chat", "true"))) {
            chat = a.complete(r);
        }
        assertThat(chat.promptTokens()).as("the template's markup").isGreaterThan(raw.promptTokens());
        assertThat(chat.completionTokens()).isBetween(1, 8);
    }

    @Test
    void aTimeoutThatHasPassedFailsTheRequestAsTimeout() throws Exception {
        try (GgufAdapter a = create(STORIES, Duration.ofNanos(1), Map.of("ctx", "128"))) {
            AdapterException e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains(STORIES).doesNotContain("\n");
        }
    }

    @Test
    void configurationMistakesAreOneLineErrors() throws Exception {
        Path junk = tmp.resolve("not-a-model.gguf");
        Files.writeString(junk, "this is not GGUF");
        assertThatThrownBy(() -> new GgufProvider().create(AdapterConfig.of(junk.toString(), null, null)))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("cannot load gguf model")
                .hasMessageContaining(junk.toString());
        assertThatThrownBy(() -> new GgufProvider().create(AdapterConfig.of(tmp.resolve("missing.gguf").toString(),
                null, null))).isInstanceOf(AdapterConfigException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> create(STORIES, LONG_TIMEOUT, Map.of("threads", "two")))
                .hasMessageContaining("threads=two");
        assertThatThrownBy(() -> create(STORIES, LONG_TIMEOUT, Map.of("gpu-layers", "9")))
                .hasMessageContaining("no option gpu-layers");
    }
}
