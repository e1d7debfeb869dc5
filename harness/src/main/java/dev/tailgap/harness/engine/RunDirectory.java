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
import java.util.List;
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
 * holding a different run is refused, naming the first setting that differs; a directory with an item log but no
 * {@value #SPEC} is refused. {@value #SPEC} also records how to run it ({@value #RESUME_KEY}: everything needed to
 * rebuild the run spec for {@code --resume}), the run's state ({@value #STATE_KEY}: {@code running}, {@code stopped}
 * or {@code complete}, the planned item count and the attempt number) and the served identity it was asked under
 * ({@value #SERVED_KEY}); those parts may change between attempts and are not the run's identity.
 */
public final class RunDirectory {
    public static final String SPEC = "spec.json";
    public static final String ITEMS = "items.jsonl";
    public static final String REPORT_JSON = dev.tailgap.reports.format.JsonReportFormat.FILE;
    public static final String REPORT_MD = dev.tailgap.reports.format.MarkdownReportFormat.FILE;
    public static final String REPORT_HTML = dev.tailgap.reports.format.HtmlReportFormat.FILE;
    /** The key of spec.json's section that rebuilds the run spec; not part of the run's identity. */
    public static final String RESUME_KEY = "spec";
    /** The key of spec.json's section with the run's state ({@link RunState}). */
    public static final String STATE_KEY = "state";
    /** The key of spec.json's section with the served identity the run's answers came from. */
    public static final String SERVED_KEY = "served";
    /** The key of spec.json's section with each replica's requests, replies and served identity (last attempt). */
    public static final String REPLICAS_KEY = "replicas";

    public static final ObjectMapper JSON = new ObjectMapper()
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

    /** The state recorded in this directory's spec.json, or {@code null} when it has none (new, or tailgap 0.1). */
    public RunState state() {
        JsonNode spec = readSpec();
        return spec == null ? null : RunState.of(spec.get(STATE_KEY));
    }

    /** The served identity facts recorded in spec.json, or {@code null} when none were. */
    Map<String, String> servedFacts() {
        JsonNode spec = readSpec();
        JsonNode facts = spec == null ? null : spec.path(SERVED_KEY).get("facts");
        if (facts == null || !facts.isObject()) {
            return null;
        }
        Map<String, String> m = new java.util.TreeMap<>();
        facts.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private JsonNode readSpec() {
        Path specFile = file(SPEC);
        if (!Files.exists(specFile)) {
            return null;
        }
        try {
            return JSON.readTree(specFile.toFile());
        } catch (IOException e) {
            throw TailgapException.usage(specFile + " is not valid JSON (" + e.getMessage()
                    + "); delete the run directory to start over");
        }
    }

    /**
     * Creates the directory or checks that it holds the run {@code identity} describes, records {@code resume} (how to
     * run it) and the state {@code running} of attempt {@code attempt} planning {@code planned} items, then keeps the
     * finished (non-ERROR) results of earlier attempts, handing each to {@code kept}. Returns how many were kept.
     */
    public int open(Map<String, Object> identity, Map<String, Object> resume, RunState state,
                    Consumer<ItemResult> kept) {
        try {
            Files.createDirectories(dir);
            JsonNode existing = readSpec();
            if (existing == null && Files.exists(file(ITEMS)) && Files.size(file(ITEMS)) > 0) {
                throw TailgapException.usage("run directory " + dir + " holds an item log but no " + SPEC
                        + ", so nothing says which run its items belong to; pass another --out, or delete it");
            }
            Object served = null;
            if (existing != null) {
                if (existing instanceof ObjectNode) {
                    served = ((ObjectNode) existing).get(SERVED_KEY);
                    ((ObjectNode) existing).remove(List.of(RESUME_KEY, STATE_KEY, SERVED_KEY, REPLICAS_KEY));
                }
                String diff = firstDifference(existing, JSON.readTree(prettyJson(identity)), "");
                if (diff != null) {
                    throw TailgapException.usage("run directory " + dir + " holds a different run (" + diff
                            + "); pass another --out, or delete it to start over");
                }
            }
            Map<String, Object> spec = new LinkedHashMap<>(identity);
            spec.put(RESUME_KEY, resume);
            spec.put(STATE_KEY, state.toMap());
            if (served != null) {
                spec.put(SERVED_KEY, served);
            }
            writeAtomically(SPEC, prettyJson(spec));
            Files.deleteIfExists(file(REPORT_JSON));
            Files.deleteIfExists(file(REPORT_MD));
            Files.deleteIfExists(file(REPORT_HTML));
            return compactLog(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites spec.json's state section. */
    void writeState(RunState state) {
        updateSpec(STATE_KEY, state.toMap());
    }

    /** Records the served identity the run's answers come from. */
    void writeServed(ServedIdentity identity) {
        updateSpec(SERVED_KEY, identity.record());
    }

    /** Records the share of the attempt's requests each replica had (a run over several base URLs). */
    void writeReplicas(List<Map<String, Object>> shares) {
        updateSpec(REPLICAS_KEY, shares);
    }

    private void updateSpec(String key, Object value) {
        JsonNode spec = readSpec();
        if (!(spec instanceof ObjectNode)) {
            throw new IllegalStateException("no " + SPEC + " in " + dir);
        }
        ((ObjectNode) spec).set(key, JSON.valueToTree(value));
        writeAtomically(SPEC, prettyJson(spec));
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

    /**
     * Rewrites the item log without ERROR results and without a torn last line; returns the results kept. A corrupt
     * line elsewhere is a usage error naming file and line: the log is left as it was.
     */
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
            for (ItemResult r = next(reader); r != null; r = next(reader)) {
                if (r.outcome() != Outcome.ERROR) {
                    w.write(ItemLog.toJsonLine(r));
                    w.write('\n');
                    kept.accept(r);
                    n++;
                }
            }
            w.flush();
            out.force(false);
        } catch (TailgapException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        moveDurably(tmp, items);
        return n;
    }

    /** The next result of a log, or a usage error naming the corrupt line and what to do. */
    public static ItemResult next(ItemLog.Reader reader) {
        try {
            return reader.nextResult();
        } catch (IOException e) {
            throw TailgapException.usage(e.getMessage() + " (the item log is corrupt there; fix or delete that line,"
                    + " or delete the run directory to start over)");
        }
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
