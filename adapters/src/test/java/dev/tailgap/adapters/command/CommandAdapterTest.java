package dev.tailgap.adapters.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.AdapterContract;
import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.Completion;
import dev.tailgap.adapters.FailureKind;
import dev.tailgap.adapters.ModelAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for the {@code command} provider, against a real subprocess: a small POSIX shell script that records
 * each request line and its process id, then does what the test wrote into its directive file (answer with a line,
 * print raw text, hang, wait for a go signal, or die with a message on stderr).
 */
class CommandAdapterTest extends AdapterContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "#!/bin/sh",
            "dir=\"$1\"",
            "while IFS= read -r line; do",
            "  printf '%s\\n' \"$line\" >> \"$dir/requests.jsonl\"",
            "  echo $$ >> \"$dir/pids\"",
            "  d=$(cat \"$dir/next\")",
            "  case \"$d\" in",
            "    answer\\ *) printf '%s\\n' \"${d#answer }\" ;;",
            "    stall) exec sleep 600 ;;",
            "    gate\\ *) while [ ! -f \"$dir/go\" ]; do sleep 0.02; done; printf '%s\\n' \"${d#gate }\" ;;",
            "    die\\ *) rest=\"${d#die }\"; echo \"${rest#* }\" >&2; exit \"${rest%% *}\" ;;",
            "  esac",
            "done",
            "");

    @TempDir
    Path dir;

    private Path logDir;

    @BeforeEach
    void writeScript() throws IOException {
        Files.writeString(dir.resolve("fake.sh"), SCRIPT, StandardCharsets.UTF_8);
        logDir = dir.resolve("run");
        next("answer {\"text\":\"France\",\"prompt_tokens\":23,\"completion_tokens\":2}");
    }

    private String command() {
        return "sh '" + dir.resolve("fake.sh") + "' '" + dir + "'";
    }

    private void next(String directive) throws IOException {
        Files.writeString(dir.resolve("next"), directive + "\n", StandardCharsets.UTF_8);
    }

    private ModelAdapter create(Map<String, String> options, int concurrency, Duration timeout) throws Exception {
        return new CommandProvider().create(new AdapterConfig("contract-model", null, null, options, timeout,
                concurrency, Map.of(KEY_ENV, SECRET)::get, logDir));
    }

    @Override
    protected ModelAdapter open(Duration timeout) throws Exception {
        return create(Map.of("command", command()), 1, timeout);
    }

    @Override
    protected void scriptAnswer() throws IOException {
        next("answer {\"text\":\"France\",\"prompt_tokens\":23,\"completion_tokens\":2}");
    }

    @Override
    protected void checkAnswer(Completion c) {
        assertThat(c).isEqualTo(new Completion("France", 23, 2));
    }

    @Override
    protected void checkRequestShape() throws Exception {
        List<String> lines = requests();
        JsonNode r = JSON.readTree(lines.get(lines.size() - 1));
        List<String> fields = new ArrayList<>();
        r.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("prompt", "system", "model", "temperature", "max_tokens", "stop", "seed");
        assertThat(r.get("prompt").asText()).isEqualTo("Question: In what country is Lyon?\nAnswer:");
        assertThat(r.get("system").asText()).isEqualTo("Answer briefly.");
        assertThat(r.get("model").asText()).isEqualTo("contract-model");
        assertThat(r.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(r.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(r.get("stop")).hasSize(2);
        assertThat(r.at("/stop/0").asText()).isEqualTo("\n");
        assertThat(r.get("seed").asLong()).isEqualTo(42L);
    }

    @Override
    protected List<Failure> failures() {
        return List.of(
                new Failure("process dies mid-request", () -> next("die 3 boom: model crashed"),
                        FailureKind.CONNECTION, e -> assertThat(e.getMessage()).contains("exited with code 3")
                        .contains("boom: model crashed").contains("restarted")),
                new Failure("reply is not JSON", () -> next("answer Paris"), FailureKind.MALFORMED,
                        e -> assertThat(e.getMessage()).contains("not a JSON object").contains("Paris")),
                new Failure("reply is a JSON array", () -> next("answer [\"Paris\"]"), FailureKind.MALFORMED),
                new Failure("reply without text", () -> next("answer {\"txt\":\"Paris\"}"), FailureKind.MALFORMED,
                        e -> assertThat(e.getMessage()).contains("no \"text\"")),
                new Failure("text is not a string", () -> next("answer {\"text\":null}"), FailureKind.MALFORMED),
                new Failure("error reply", () -> next("answer {\"error\":\"CUDA out of memory\"}"),
                        FailureKind.SERVER_ERROR, e -> assertThat(e.getMessage()).contains("CUDA out of memory")),
                new Failure("non-retryable error reply",
                        () -> next("answer {\"error\":\"unknown model\",\"retryable\":false}"),
                        FailureKind.BAD_REQUEST, e -> assertThat(e.getMessage()).contains("unknown model")));
    }

    @Override
    protected Optional<Stall> stall() throws IOException {
        next("stall");
        int before = requests().size();
        return Optional.of(() -> awaitRequests(before + 1));
    }

    @Override
    protected void checkReleased(ModelAdapter closed) throws IOException {
        for (long pid : pids()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void aDeadProcessIsRestartedAndItsStderrGoesToTheRunLog() throws Exception {
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            next("die 7 Traceback: ImportError: no module named torch");
            AdapterException e = failure(a);
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("exited with code 7").contains("no module named torch");
            scriptAnswer();
            assertThat(a.complete(request()).text()).isEqualTo("France");
        }
        List<Long> pids = pids();
        assertThat(pids).hasSize(2);
        assertThat(pids.get(0)).isNotEqualTo(pids.get(1));
        assertThat(Files.readString(logDir.resolve(StderrLog.FILE_NAME)))
                .isEqualTo("[pid " + pids.get(0) + "] Traceback: ImportError: no module named torch\n");
    }

    @Test
    void aWellFormedErrorReplyKeepsTheProcessAndATimeoutReplacesIt() throws Exception {
        try (ModelAdapter a = create(Map.of("command", command()), 1, SHORT_TIMEOUT)) {
            next("answer {\"error\":\"busy\"}");
            assertThat(failure(a).kind()).isEqualTo(FailureKind.SERVER_ERROR);
            scriptAnswer();
            a.complete(request());
            next("stall");
            assertThat(failure(a).kind()).isEqualTo(FailureKind.TIMEOUT);
            scriptAnswer();
            a.complete(request());
        }
        List<Long> pids = pids();
        assertThat(pids).hasSize(4);
        assertThat(pids.get(1)).isEqualTo(pids.get(0));
        assertThat(pids.get(2)).isEqualTo(pids.get(0));
        assertThat(pids.get(3)).isNotEqualTo(pids.get(0));
    }

    @Test
    void concurrentRequestsGetTheirOwnProcessesUpToTheCap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ModelAdapter a = create(Map.of("command", command(), "processes", "2"), 8, LONG_TIMEOUT)) {
            next("gate {\"text\":\"ok\"}");
            Future<Completion> one = pool.submit(() -> a.complete(request()));
            Future<Completion> two = pool.submit(() -> a.complete(request()));
            awaitRequests(2); // both in flight at once: only possible on two processes
            Files.writeString(dir.resolve("go"), "");
            assertThat(one.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
            assertThat(two.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
        } finally {
            pool.shutdownNow();
        }
        assertThat(pids()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void theCommandCanBeTheModelName() throws Exception {
        try (ModelAdapter a = new CommandProvider().create(new AdapterConfig(command(), null, null, Map.of(),
                LONG_TIMEOUT, 1, k -> null, logDir))) {
            assertThat(a.complete(request()).text()).isEqualTo("France");
        }
    }

    @Test
    void configurationMistakesAreOneLineErrors() {
        assertThatThrownBy(() -> create(Map.of("command", "/no/such/program --x"), 1, LONG_TIMEOUT))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("cannot start command")
                .hasMessageContaining("/no/such/program");
        assertThatThrownBy(() -> create(Map.of("command", "python3 'model.py"), 1, LONG_TIMEOUT))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> create(Map.of("command", "  "), 1, LONG_TIMEOUT))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("needs a command");
        assertThatThrownBy(() -> create(Map.of("command", command(), "processes", "0"), 1, LONG_TIMEOUT))
                .isInstanceOf(AdapterConfigException.class).hasMessageContaining("processes=0");
    }

    private List<String> requests() throws IOException {
        Path f = dir.resolve("requests.jsonl");
        return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
    }

    private List<Long> pids() throws IOException {
        Path f = dir.resolve("pids");
        return Files.exists(f) ? Files.readAllLines(f).stream().map(s -> Long.parseLong(s.trim())).toList() : List.of();
    }

    private void awaitRequests(int n) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (requests().size() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the command never received request " + n);
            }
            Thread.sleep(10);
        }
    }
}
