package dev.tailgap.adapters.command;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the stderr of command processes goes: to {@value #FILE_NAME} in the adapter's log directory (created on the
 * first line, appended to, flushed per line so a crash loses nothing), or, without a log directory, to this process's
 * stderr. Every line is prefixed with the process id. Thread-safe.
 */
final class StderrLog implements AutoCloseable {
    static final String FILE_NAME = "command-stderr.log";

    private final Path file;
    private final PrintStream fallback;
    private BufferedWriter out;
    private boolean failed;

    private StderrLog(Path file, PrintStream fallback) {
        this.file = file;
        this.fallback = fallback;
    }

    /** A log into {@code logDir}, or to {@link System#err} when {@code logDir} is {@code null}. */
    static StderrLog to(Path logDir) {
        return new StderrLog(logDir == null ? null : logDir.resolve(FILE_NAME), System.err);
    }

    synchronized void line(long pid, String text) {
        if (file == null || failed) {
            fallback.println("[command pid " + pid + "] " + text);
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write("[pid " + pid + "] " + text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            failed = true;
            fallback.println("tailgap: cannot write " + file + " (" + e.getMessage() + "); command stderr goes here");
            fallback.println("[command pid " + pid + "] " + text);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more can be logged
            }
            out = null;
        }
    }
}
