package dev.tailgap.harness.engine;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run's directory: {@value #SPEC} (the settings, no secrets), {@value #ITEMS} (one result per finished item,
 * appended as items finish), {@value #REPORT_JSON}, {@value #REPORT_MD} and {@value #REPORT_HTML} (written only when
 * the run completes).
 *
 * <p>Contract: the item log only ever holds complete lines for distinct items; reports are written atomically, so a
 * report file is never partial. Opening an existing directory for the same spec keeps its finished items (ERROR
 * results are dropped so they are asked again); a directory holding a different spec is refused.
 */
public final class RunDirectory {
    public static final String SPEC = "spec.json";
    public static final String ITEMS = "items.jsonl";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * Creates the directory or checks that it belongs to this spec, then keeps the finished (non-ERROR) results of an
     * earlier attempt, handing each to {@code kept}. Returns how many were kept.
     */
    public int open(Map<String, Object> spec, Consumer<ItemResult> kept) {
        try {
            Files.createDirectories(dir);
            Path specFile = file(SPEC);
            String wanted = prettyJson(spec);
            if (Files.exists(specFile)) {
                String existing = Files.readString(specFile, StandardCharsets.UTF_8);
                if (!existing.equals(wanted)) {
                    throw TailgapException.usage("run directory " + dir + " holds a different run (its "
                            + SPEC + " differs); pass another --out, or delete it to start over");
                }
            } else {
                writeAtomically(SPEC, wanted);
            }
            Files.deleteIfExists(file(REPORT_JSON));
            Files.deleteIfExists(file(REPORT_MD));
            Files.deleteIfExists(file(REPORT_HTML));
            return compactLog(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the item log without ERROR results and without a torn last line; returns the results kept. */
    private int compactLog(Consumer<ItemResult> kept) throws IOException {
        Path items = file(ITEMS);
        if (!Files.exists(items)) {
            Files.createFile(items);
            return 0;
        }
        Path tmp = file(ITEMS + ".tmp");
        int n = 0;
        try (ItemLog.Reader reader = ItemLog.read(items);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (ItemResult r : reader) {
                if (r.outcome() != Outcome.ERROR) {
                    w.write(ItemLog.toJsonLine(r));
                    w.write('\n');
                    kept.accept(r);
                    n++;
                }
            }
        }
        Files.move(tmp, items, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** An appender for the item log; each line is flushed to the operating system before it returns. */
    public Appender appender() {
        try {
            return new Appender(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file(ITEMS),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file(ITEMS) + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file in the run directory via a temporary file and an atomic rename. */
    public void writeAtomically(String name, String content) {
        Path target = file(name);
        Path tmp = file(name + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #writeAtomically(String, String)}, streaming the content through {@code content}. */
    public void writeAtomically(String name, WriterAction content) {
        Path target = file(name);
        Path tmp = file(name + ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes content to a writer. */
    @FunctionalInterface
    public interface WriterAction {
        void write(java.io.Writer w) throws IOException;
    }

    static String prettyJson(Object value) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(
                    new DefaultIndenter("  ", "\n"));
            return JSON.writer(pp).writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends results to the item log, one line each. Thread-safe. */
    public static final class Appender implements AutoCloseable {
        private final BufferedWriter out;

        Appender(BufferedWriter out) {
            this.out = out;
        }

        public synchronized void append(ItemResult r) {
            try {
                out.write(ItemLog.toJsonLine(r));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the item log: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
