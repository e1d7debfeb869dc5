package dev.tailgap.harness.engine;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A run's directory: {@value #SPEC} (the settings, no secrets), {@value #ITEMS} (one result per finished item,
 * appended as items finish), {@value #REPORT_JSON}, {@value #REPORT_MD} and {@value #REPORT_HTML} (written only when
 * the run completes).
 *
 * <p>Contract: the item log only ever holds complete lines for distinct items, and a line is forced to disk before its
 * item counts as done; spec and reports are written atomically, so they are never partial. Opening an existing
 * directory for the same run keeps its finished items (ERROR results are dropped so they are asked again); a directory
 * holding a different run is refused, naming the first setting that differs. {@value #SPEC} also records how to run
 * it ({@value #RESUME_KEY}: everything needed to rebuild the run spec for {@code --resume}); that part may change
 * between attempts.
 */
public final class RunDirectory {
    public static final String SPEC = "spec.json";
    public static final String ITEMS = "items.jsonl";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    /** The key of spec.json's section that rebuilds the run spec; not part of the run's identity. */
    public static final String RESUME_KEY = "spec";

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
     * Creates the directory or checks that it holds the run {@code identity} describes, records {@code resume} (how to
     * run it), then keeps the finished (non-ERROR) results of an earlier attempt, handing each to {@code kept}. Returns
     * how many were kept.
     */
    public int open(Map<String, Object> identity, Map<String, Object> resume, Consumer<ItemResult> kept) {
        try {
            Files.createDirectories(dir);
            Path specFile = file(SPEC);
            if (Files.exists(specFile)) {
                JsonNode existing;
                try {
                    existing = JSON.readTree(specFile.toFile());
                } catch (IOException e) {
                    throw TailgapException.usage(specFile + " is not valid JSON (" + e.getMessage()
                            + "); delete the run directory to start over");
                }
                if (existing instanceof ObjectNode) {
                    ((ObjectNode) existing).remove(RESUME_KEY);
                }
                String diff = firstDifference(existing, JSON.readTree(prettyJson(identity)), "");
                if (diff != null) {
                    throw TailgapException.usage("run directory " + dir + " holds a different run (" + diff
                            + "); pass another --out, or delete it to start over");
                }
            }
            Map<String, Object> spec = new LinkedHashMap<>(identity);
            spec.put(RESUME_KEY, resume);
            writeAtomically(SPEC, prettyJson(spec));
            Files.deleteIfExists(file(REPORT_JSON));
            Files.deleteIfExists(file(REPORT_MD));
            Files.deleteIfExists(file(REPORT_HTML));
            return compactLog(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where two spec trees first differ, as "PATH: A there, B now", or {@code null} when they are equal. */
    static String firstDifference(JsonNode there, JsonNode now, String path) {
        if (there != null && there.equals(now)) {
            return null;
        }
        if (there != null && now != null && there.isObject() && now.isObject()) {
            SortedSet<String> names = new TreeSet<>();
            there.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = firstDifference(there.get(name), now.get(name), path.isEmpty() ? name : path + "." + name);
                if (d != null) {
                    return d;
                }
            }
        }
        return (path.isEmpty() ? "its " + SPEC : path) + ": " + shortly(there) + " there, " + shortly(now) + " now";
    }

    private static String shortly(JsonNode n) {
        if (n == null) {
            return "absent";
        }
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
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
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             BufferedWriter w = new BufferedWriter(Channels.newWriter(out, StandardCharsets.UTF_8))) {
            for (ItemResult r : reader) {
                if (r.outcome() != Outcome.ERROR) {
                    w.write(ItemLog.toJsonLine(r));
                    w.write('\n');
                    kept.accept(r);
                    n++;
                }
            }
            w.flush();
            out.force(false);
        }
        moveDurably(tmp, items);
        return n;
    }

    /** The item log's writer, with group commit (see {@link ItemLogWriter}). */
    ItemLogWriter itemLog(ItemLogWriter.Sync sync) {
        return new ItemLogWriter(file(ITEMS), sync);
    }

    /** Writes a file in the run directory via a temporary file, a force and an atomic rename. */
    public void writeAtomically(String name, String content) {
        Path target = file(name);
        Path tmp = file(name + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(false);
            }
            moveDurably(tmp, target);
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
            moveDurably(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes content to a writer. */
    @FunctionalInterface
    public interface WriterAction {
        void write(java.io.Writer w) throws IOException;
    }

    /** Renames atomically, then forces the directory so the rename itself survives a power loss. */
    private void moveDurably(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot open or force a directory; the rename is still atomic
        }
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
}
