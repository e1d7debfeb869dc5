package dev.tailgap.adapters.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterContract;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.CompletionRequest;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for the {@code replay} provider. Its transport is an earlier run's {@code items.jsonl}: the item id is
 * the whole request (prompt and parameters are ignored), so the log around the asked item holds other items with other
 * answers, and scripting a reply means writing the log before the adapter reads it.
 */
class ReplayAdapterTest extends AdapterContract {
    private static final String ID = "geonames:2996944";

    @TempDir
    Path run;

    private String asked = line(ID, "\"France\"", "CORRECT", null, 23, 2);

    static String line(String id, String rawAnswer, String outcome, String error, int promptTokens,
                       int completionTokens) {
        return "{\"id\":\"" + id + "\",\"question\":\"In what country is X?\",\"answers\":[\"France\"],"
                + "\"concept\":\"X\",\"relation\":\"country\",\"frequency\":513275,\"bucket\":\"head\","
                + "\"rawAnswer\":" + rawAnswer
                + ",\"extracted\":null,\"outcome\":\"" + outcome + "\",\"error\":" + (error == null ? "null"
                : "\"" + error + "\"") + ",\"latencyMs\":12,\"promptTokens\":" + promptTokens
                + ",\"completionTokens\":" + completionTokens + "}";
    }

    private void writeLog(String... lines) throws IOException {
        Files.writeString(run.resolve("items.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private ModelAdapter create(String model) throws AdapterConfigException {
        return new ReplayProvider().create(new AdapterConfig(model, null, null, Map.of(), null, 1, k -> null));
    }

    @Override
    protected ModelAdapter open(Duration timeout) throws Exception {
        writeLog(line("geonames:1", "\"Germany\"", "CORRECT", null, 20, 1), asked,
                line("geonames:3", "\"Spain\"", "HALLUCINATED", null, 21, 1));
        return create(run.toString());
    }

    @Override
    protected void scriptAnswer() {
        asked = line(ID, "\"France\"", "CORRECT", null, 23, 2);
    }

    @Override
    protected void checkAnswer(Completion c) {
        assertThat(c).isEqualTo(new Completion("France", 23, 2));
    }

    @Override
    protected void checkRequestShape() {
        // nothing goes on a wire: the item id chose the line, which checkAnswer verifies among its neighbours
    }

    @Override
    protected List<Failure> failures() {
        return List.of(
                new Failure("item missing from the replayed run", () -> asked = line("geonames:2", "\"x\"",
                        "CORRECT", null, 1, 1), FailureKind.NOT_FOUND,
                        e -> assertThat(e.getMessage()).contains(ID).contains(run.toString())),
                new Failure("item was an ERROR in the replayed run", () -> asked = line(ID, "null", "ERROR",
                        "HTTP 503 from http://127.0.0.1:8000/v1/chat/completions: busy", -1, -1),
                        FailureKind.SERVER_ERROR, e -> {
                            assertThat(e.getMessage()).contains(ID).contains("HTTP 503").contains(run.toString());
                            assertThat(e.retryAfter()).contains(Duration.ZERO);
                        }));
    }

    @Override
    protected void checkReleased(ModelAdapter closed) {
        // holds nothing but the answers in memory
    }

    @Test
    void promptAndParametersDoNotMatterButARequestWithoutItemIdIsRefused() throws Exception {
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Completion c = a.complete(new CompletionRequest("other", "other prompt", null,
                    new GenerationParams(1.0, 99, List.of(), 5L), ID));
            assertThat(c.text()).isEqualTo("France");
            assertThatThrownBy(() -> a.complete(new CompletionRequest("m", "p", null, GenerationParams.DEFAULTS)))
                    .isInstanceOf(AdapterException.class)
                    .satisfies(e -> assertThat(((AdapterException) e).kind()).isEqualTo(FailureKind.BAD_REQUEST));
        }
    }

    @Test
    void theItemLogFileItselfAnEmptyAnswerAndUnknownTokensAreFine() throws Exception {
        writeLog("\uFEFF" + line(ID, "\"\"", "ABSTAINED", null, -1, -1), "",
                "{\"id\":\"b\",\"rawAnswer\":\"x\",\"outcome\":\"CORRECT\"}");
        try (ModelAdapter a = create(run.resolve("items.jsonl").toString())) {
            assertThat(a.complete(request())).isEqualTo(new Completion("", Completion.UNKNOWN, Completion.UNKNOWN));
        }
    }

    @Test
    void anItemThatFailedInScoringIsReplayedWithItsAnswer() throws Exception {
        writeLog(line(ID, "\"France\"", "ERROR", "judge call failed: HTTP 503", 23, 2));
        try (ModelAdapter a = create(run.toString())) {
            assertThat(a.complete(request())).isEqualTo(new Completion("France", 23, 2));
        }
    }

    @Test
    void aLastLineCutShortByACrashIsSkippedOtherBadLinesNameFileAndLine() throws Exception {
        String whole = line(ID, "\"France\"", "CORRECT", null, 1, 1);
        Files.writeString(run.resolve("items.jsonl"), whole + "\n" + whole.substring(0, 40), StandardCharsets.UTF_8);
        try (ModelAdapter a = create(run.toString())) {
            assertThat(a.complete(request()).text()).isEqualTo("France");
        }
        Files.writeString(run.resolve("items.jsonl"), whole.substring(0, 40) + "\n" + whole + "\n");
        assertThatThrownBy(() -> create(run.toString())).isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("items.jsonl:1").hasMessageContaining("not a JSON line");
        Files.writeString(run.resolve("items.jsonl"), whole + "\n" + whole.substring(0, 40) + "\n");
        assertThatThrownBy(() -> create(run.toString())).hasMessageContaining("items.jsonl:2");
        writeLog("{\"rawAnswer\":\"x\",\"outcome\":\"CORRECT\"}");
        assertThatThrownBy(() -> create(run.toString())).hasMessageContaining("items.jsonl:1")
                .hasMessageContaining("'id'");
        writeLog("{\"id\":\"a\",\"outcome\":\"CORRECT\"}");
        assertThatThrownBy(() -> create(run.toString())).hasMessageContaining("'rawAnswer'");
    }

    @Test
    void missingRunDirectoryOrLogIsAConfigError() throws IOException {
        assertThatThrownBy(() -> create(run.resolve("nope").toString())).isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("does not exist");
        Files.createDirectories(run.resolve("empty"));
        assertThatThrownBy(() -> create(run.resolve("empty").toString())).isInstanceOf(AdapterConfigException.class)
                .hasMessageContaining("no items.jsonl");
    }
}
