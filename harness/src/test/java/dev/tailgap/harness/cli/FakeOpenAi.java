package dev.tailgap.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.SharedFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The independent fake OpenAI server ({@code ../shared/bench/fake_openai.py}) as a child process on one loopback port,
 * restartable on the same port with other settings (a model swapped behind the same URL).
 */
final class FakeOpenAi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;
    private final Path logs;
    private final int port;
    private final OkHttpClient http = new OkHttpClient();
    private Process process;
    private int starts;

    private FakeOpenAi(Path script, Path logs, int port) {
        this.script = script;
        this.logs = logs;
        this.port = port;
    }

    /** The script, when the shared bench files and python3 are there. */
    static Optional<Path> script() {
        return SharedFiles.find("bench/fake_openai.py").filter(p -> python());
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts the server on a free port with {@code args}. */
    static FakeOpenAi start(Path script, Path logs, String... args) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FakeOpenAi f = new FakeOpenAi(script, logs, port);
        f.restart(args);
        return f;
    }

    /** Stops the server (if running) and starts it again on the same port with {@code args}. */
    void restart(String... args) throws Exception {
        kill();
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "--port", String.valueOf(port)));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve("fake-" + (++starts) + ".log").toFile()).start();
        for (int i = 0; i < 200 && stats() == null; i++) {
            Thread.sleep(50);
        }
        if (stats() == null) {
            throw new IllegalStateException("fake_openai.py did not start: "
                    + Files.readString(logs.resolve("fake-" + starts + ".log")));
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** {@code GET /stats}, or {@code null} when the server does not answer. */
    JsonNode stats() {
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/stats").build())
                .execute()) {
            return JSON.readTree(r.body().string());
        } catch (IOException e) {
            return null;
        }
    }

    /** Model requests served so far by the running server. */
    int modelRequests() {
        return stats().get("model_requests").asInt();
    }

    /**
     * Writes a dataset of {@code n} questions whose gold answer is the fake's correct answer (computed by the script
     * itself), so a server with {@code --wrong-rate 0} is always right.
     */
    static Path dataset(Path script, Path dir, int n) throws Exception {
        Path questions = dir.resolve("questions.txt");
        List<String> qs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            qs.add("Which river flows through valley number " + i + "?");
        }
        Files.write(questions, qs, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                + "import fake_openai as f\nfor q in open(sys.argv[2], encoding='utf-8'): print(f.correct_answer_for(q.strip()))",
                script.getParent().toString(), questions.toString()).redirectErrorStream(true).start();
        List<String> answers = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < n; i++) {
            jsonl.append(JSON.writeValueAsString(java.util.Map.of("id", "q" + i, "question", qs.get(i),
                    "answers", List.of(answers.get(i)), "concept", "valley " + i, "frequency", (i + 1) * 37)))
                    .append('\n');
        }
        Path file = dir.resolve("valleys.jsonl");
        Files.writeString(file, jsonl, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
