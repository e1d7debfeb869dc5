package dev.tailgap.harness.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.reports.GateReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of the last gate on a run, kept in the run directory as {@value #FILE} (so that the runs index can be
 * rebuilt from the directories): {@code passed}, {@code rules}, {@code failed}, {@code baseline} and {@code at}
 * (ISO-8601). Written atomically; a file that cannot be read counts as "never gated".
 */
public final class GateRecord {
    public static final String FILE = "gate.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateRecord() {
    }

    /** The outcome of a gate report at {@code at}, against {@code baseline} as the user gave it (or null). */
    public static GateOutcome of(GateReport report, String baseline, Instant at) {
        return new GateOutcome(report.passed(), report.results().size(), (int) report.failures(), baseline, at);
    }

    /**
     * Records a gate's outcome in the run directory, now; a directory that cannot be written (a read-only CI
     * artifact) gets a warning on {@code err}, never a failed gate.
     */
    public static void record(Path dir, GateReport report, String baseline, java.io.PrintWriter err) {
        try {
            write(dir, of(report, baseline, Instant.now()));
        } catch (RuntimeException e) {
            err.println("tailgap: warning: the gate's outcome was not recorded in " + dir.resolve(FILE) + " ("
                    + e.getMessage() + "); gate --baseline latest:TAG will not count it");
            err.flush();
        }
    }

    /** Writes {@value #FILE} into the run directory. */
    public static void write(Path dir, GateOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", outcome.passed());
        m.put("rules", outcome.rules());
        m.put("failed", outcome.failed());
        m.put("baseline", outcome.baseline());
        m.put("at", outcome.at().toString());
        try {
            new RunDirectory(dir).writeAtomically(FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m)
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome recorded in the run directory, or {@code null} when it was never gated (or the file is unreadable). */
    public static GateOutcome read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (!n.path("passed").isBoolean()) {
                return null;
            }
            return new GateOutcome(n.path("passed").asBoolean(), n.path("rules").asInt(), n.path("failed").asInt(),
                    n.path("baseline").isTextual() ? n.path("baseline").asText() : null,
                    Instant.parse(n.path("at").asText()));
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }
}
