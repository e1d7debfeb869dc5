package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run says when the endpoint refuses it or fails too often. */
class EndpointFailureTest {
    @TempDir
    Path tmp;

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private RunSpec.Builder spec(String model) {
        return RunSpec.builder().dataset("world-cities").model(model).target(t -> t.withBaseUrl(server.url("/v1").toString()))
                .sampling(s -> s.withLimit(20)).execution(e -> e.withConcurrency(2).withRetryBackoff(Duration.ZERO).withRetries(2)).out(tmp.resolve(model));
    }

    private void answerAll(int status, String body) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(status).setBody(body);
            }
        });
    }

    @Test
    void aRejectedKeyStopsTheRunAtOnceNamingTheVariable() {
        answerAll(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
        RunEngine engine = new RunEngine(tmp, Progress.NONE, Map.of("MY_TEAM_KEY", "sk-wrong")::get);
        assertThatThrownBy(() -> engine.run(spec("openai:gpt-x").target(t -> t.withApiKeyEnv("MY_TEAM_KEY")).build()))
                .isInstanceOfSatisfying(TailgapException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENDPOINT))
                .hasMessageContaining("HTTP 401").hasMessageContaining("environment variable MY_TEAM_KEY")
                .hasMessageNotContaining("sk-wrong");
        assertThat(server.getRequestCount()).as("no retries, no new requests").isLessThanOrEqualTo(4);
    }

    @Test
    void anUnknownModelOrPathNamesTheModelAndTheUrl() {
        answerAll(404, "{\"error\":{\"message\":\"The model does not exist\"}}");
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        assertThatThrownBy(() -> engine.run(spec("openai:gpt-nope").build()))
                .hasMessageContaining("HTTP 404").hasMessageContaining("model 'gpt-nope'")
                .hasMessageContaining(server.url("/v1").toString());
    }

    @Test
    void aBadRequestNamesTheModel() {
        answerAll(400, "{\"error\":{\"message\":\"max_tokens is too large\"}}");
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        assertThatThrownBy(() -> engine.run(spec("openai:gpt-small").build()))
                .hasMessageContaining("HTTP 400").hasMessageContaining("max_tokens is too large")
                .hasMessageContaining("model 'gpt-small'");
    }

    @Test
    void malformedRepliesBecomeErrorsWithTheReasonAndTooManyFailTheRunWithExit4() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getBody().readUtf8().contains("Shanghai") || request.getSequenceNumber() % 7 == 3
                        ? new MockResponse().setBody("<html>502 Bad Gateway</html>")
                        : new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"China\"}}]}");
            }
        });
        RunEngine engine = new RunEngine(tmp, Progress.NONE, k -> null);
        RunResult tolerant = engine.run(spec("openai:m").sampling(s -> s.withLimit(40)).execution(e -> e.withRetries(0).withMaxErrorRate(0.5)).build());
        assertThat(tolerant.exitCode()).isEqualTo(ExitCode.OK);
        long errors = tolerant.report().overall().errors();
        assertThat(errors).isPositive();
        try (ItemLog.Reader r = ItemLog.read(tolerant.dir().resolve(RunDirectory.ITEMS))) {
            assertThat(r.stream().filter(x -> x.outcome() == Outcome.ERROR).toList()).hasSize((int) errors)
                    .allSatisfy(x -> assertThat(x.error()).contains("malformed reply").contains("not JSON"));
        }

        assertThatThrownBy(() -> engine.run(spec("openai:strict").sampling(s -> s.withLimit(40)).execution(e -> e.withRetries(0).withMaxErrorRate(0.02)).build()))
                .isInstanceOfSatisfying(TailgapException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENDPOINT))
                .hasMessageContaining("more than the allowed error rate 2.0%").hasMessageContaining("malformed reply");
    }
}
