package dev.tailgap.adapters.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The independent fake model server {@code ../shared/bench/fake_openai.py}, started with python3 on a port of its own
 * choosing on loopback, and stopped on {@link #close()}. {@link #start} gives nothing when python3 or the file is
 * absent (tests then skip).
 */
final class FakeOpenAiServer implements AutoCloseable {
    private final Path script;
    private final Process process;
    private final String base;

    private FakeOpenAiServer(Path script, Process process, String base) {
        this.script = script;
        this.process = process;
        this.base = base;
    }

    /** A running server with these extra arguments ({@code --latency-ms 0}, say), or empty without python3. */
    static Optional<FakeOpenAiServer> start(String... args) throws IOException {
        Optional<Path> script = shared("bench/fake_openai.py");
        if (script.isEmpty() || !python()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("python3", script.get().toString(), "--host", "127.0.0.1",
                "--port", "0"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // the server names the port it bound on its first line of stderr
        String line = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))
                .readLine();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line == null ? "" : line);
        if (!m.find()) {
            p.destroy();
            throw new IOException("fake_openai.py did not start: " + line);
        }
        return Optional.of(new FakeOpenAiServer(script.get(), p, m.group(1)));
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234}. */
    String base() {
        return base;
    }

    /** The answer the server gives (when right) to {@code prompt}, from its own {@code --answer-for}. */
    String answerFor(String prompt) throws IOException, InterruptedException {
        Process once = new ProcessBuilder("python3", script.toString(), "--answer-for", prompt)
                .redirectErrorStream(true).start();
        String answer = new String(once.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (once.waitFor() != 0) {
            throw new IOException("fake_openai.py --answer-for failed: " + answer);
        }
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A file of the shared material beside the repository ({@code ../shared} from its root), if present. */
    private static Optional<Path> shared(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
