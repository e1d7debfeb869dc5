package dev.tailgap.adapters.command;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.FailureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running command: requests go to its stdin a line at a time, reply lines come from its stdout (read by a daemon
 * thread into a queue, so a wait can time out or be cancelled), and its stderr is drained line by line into a
 * {@link StderrLog}, the last few lines kept for error messages. Used by one request at a time.
 */
final class CommandProcess {
    private static final String END = new String("end of stdout");
    private static final String CANCEL = new String("cancelled");
    private static final int STDERR_TAIL = 3;
    private static final int MAX_TAIL_CHARS = 300;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Process process;
    private final String label;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private Thread stderrPump;
    private volatile boolean cancelled;

    private CommandProcess(Process process, String label) {
        this.process = process;
        this.label = label;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code argv}; its stderr goes to {@code log}. {@code label} names the command in messages. */
    static CommandProcess start(List<String> argv, String label, StderrLog log) throws IOException {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE).start();
        CommandProcess cp = new CommandProcess(p, label);
        long pid = p.pid();
        pump(p.getInputStream(), "stdout", pid, cp.stdout::add, () -> cp.stdout.add(END));
        cp.stderrPump = pump(p.getErrorStream(), "stderr", pid, line -> {
            cp.remember(line);
            log.line(pid, line);
        }, () -> { });
        return cp;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive() && !cancelled;
    }

    /**
     * Sends one request line and waits up to {@code timeout} for one non-blank reply line. A timeout, cancellation or
     * the death of the process is an {@link AdapterException}; after one the process is out of step and must be
     * destroyed.
     */
    String exchange(String request, Duration timeout) throws AdapterException {
        if (cancelled) {
            throw cancelledFailure();
        }
        try {
            stdin.write(request);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw died();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = stdout.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AdapterException(FailureKind.TIMEOUT, "no reply from command '" + label + "' within "
                            + timeout.toMillis() / 1000.0 + " s");
                }
                if (line == CANCEL || cancelled) {
                    throw cancelledFailure();
                }
                if (line == END) {
                    throw died();
                }
                if (!line.isBlank()) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledFailure();
        }
    }

    /** Fails the request in flight at once and kills the process. */
    void cancel() {
        cancelled = true;
        stdout.add(CANCEL);
        kill();
    }

    /** Closes stdin (a well-behaved command exits at end of input), waits briefly, then kills what is left. */
    void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!waitFor(GRACE)) {
            kill();
        }
    }

    /** Kills the process and its descendants and waits until it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!waitFor(GRACE)) {
            process.destroyForcibly();
            waitFor(GRACE);
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private AdapterException cancelledFailure() {
        return new AdapterException(FailureKind.CANCELLED, "cancelled: command '" + label + "'");
    }

    /** The process has gone away mid-request: retryable; the next request starts a new one. */
    private AdapterException died() {
        String how = waitFor(GRACE) ? "exited with code " + process.exitValue() : "closed its output";
        try {
            stderrPump.join(GRACE.toMillis()); // the last stderr lines say why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail = stderrTail();
        return new AdapterException(FailureKind.CONNECTION, "command '" + label + "' " + how
                + (tail.isEmpty() ? "" : "; stderr: " + tail) + " (it is restarted for the next request)");
    }

    private synchronized void remember(String line) {
        if (line.isBlank()) {
            return;
        }
        if (stderrTail.size() == STDERR_TAIL) {
            stderrTail.removeFirst();
        }
        stderrTail.addLast(line.strip());
    }

    private synchronized String stderrTail() {
        String t = String.join(" | ", stderrTail);
        return t.length() <= MAX_TAIL_CHARS ? t : "..." + t.substring(t.length() - MAX_TAIL_CHARS);
    }

    private static Thread pump(InputStream in, String what, long pid, Consumer<String> onLine, Runnable onEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away: same as end of stream
            } finally {
                onEnd.run();
            }
        }, "tailgap-command-" + pid + "-" + what);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
