package dev.tailgap.harness.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunState;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.Estimate;
import dev.tailgap.reports.HeadTail;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link RunEntry} from a run directory, the truth the runs index is rebuilt from: the settings, dataset,
 * state and served identity of its spec.json, the figures of the report rebuilt from its item log (so a stopped run
 * has figures too), its tags, its times and the gate outcome of {@value GateRecord#FILE}.
 *
 * <p>Tags are those {@code tailgap run --tag} recorded in spec.json: the run plan's {@code output.tags} (under the
 * {@value RunDirectory#RESUME_KEY} section), or the settings' {@code tags}. Times: the start and end recorded in the
 * run's state or report when there are any; otherwise the start is unknown and the end is when its report (or, for an
 * unfinished run, its item log) was last written.
 */
public final class RunEntries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STAMPED = List.of(RunDirectory.SPEC, RunDirectory.ITEMS,
            RunDirectory.REPORT_JSON, GateRecord.FILE);

    private RunEntries() {
    }

    /** The entry of a run directory; a usage error naming the directory when it is not one. */
    public static RunEntry read(Path dir) {
        return read(dir, null);
    }

    /**
     * Like {@link #read(Path)}, with the report the run just wrote ({@code null}: rebuild it from the item log), which
     * spares reading a long item log again.
     */
    static RunEntry read(Path dir, Report written) {
        Path abs = dir.toAbsolutePath().normalize();
        SavedRun saved = SavedRun.read(abs);
        JsonNode spec = tree(abs.resolve(RunDirectory.SPEC));
        Report report = written != null ? written : saved.report(abs, Version.tool());
        HeadTail ht = HeadTail.of(report);
        BucketStats head = ht.defined() ? report.buckets().get(ht.head()) : null;
        BucketStats tail = ht.defined() ? report.buckets().get(ht.tail()) : null;
        RunEntry.Status status = saved.state() == null ? RunEntry.Status.COMPLETE
                : switch (saved.state().status()) {
                    case COMPLETE -> RunEntry.Status.COMPLETE;
                    case STOPPED -> RunEntry.Status.STOPPED;
                    case RUNNING -> RunEntry.Status.RUNNING;
                };
        RunState state = saved.state();
        JsonNode reportJson = Files.isRegularFile(abs.resolve(RunDirectory.REPORT_JSON))
                ? tree(abs.resolve(RunDirectory.REPORT_JSON)) : JSON.nullNode();
        Instant started = time(spec.path(RunDirectory.STATE_KEY), reportJson, "started", "startedAt");
        Instant ended = time(spec.path(RunDirectory.STATE_KEY), reportJson, "ended", "endedAt", "finished");
        if (ended == null) {
            ended = modified(abs.resolve(status == RunEntry.Status.COMPLETE
                    && Files.exists(abs.resolve(RunDirectory.REPORT_JSON)) ? RunDirectory.REPORT_JSON
                    : RunDirectory.ITEMS));
        }
        return new RunEntry(abs, report.dataset() == null ? null : report.dataset().name() + "@"
                + report.dataset().version(), report.dataset() == null ? null : report.dataset().sha256(),
                text(saved.settings().get("model")), served(spec, saved.served()), started, ended, status,
                state == null || state.planned() < 0 ? report.overall().asked() : state.planned(),
                report.overall().asked(), report.overall().n(), report.overall().accuracy(),
                head == null ? null : head.name(), head == null ? Estimate.NONE : head.accuracy(),
                tail == null ? null : tail.name(), tail == null ? Estimate.NONE : tail.accuracy(),
                report.gap() == null ? Estimate.NONE : report.gap().accuracy(), tags(spec), GateRecord.read(abs),
                stamp(abs));
    }

    /** The sizes and modification times of the files an entry is read from: equal stamps, same entry. */
    public static String stamp(Path dir) {
        StringBuilder sb = new StringBuilder();
        for (String name : STAMPED) {
            Path f = dir.resolve(name);
            String state;
            try {
                state = Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis();
            } catch (IOException absent) {
                state = "-";
            }
            sb.append(name).append(':').append(state).append(';');
        }
        return sb.toString();
    }

    /** The run's tags: its plan's {@code output.tags} in spec.json, else (a rescored run) its settings' tags. */
    static Map<String, String> tags(JsonNode spec) {
        for (JsonNode n : List.of(spec.path(RunDirectory.RESUME_KEY).path("output").path("tags"),
                spec.path("settings").path("tags"))) {
            if (n.isObject() && n.size() > 0) {
                Map<String, String> tags = new TreeMap<>();
                n.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                return tags;
            }
        }
        return Map.of();
    }

    private static String served(JsonNode spec, Map<String, String> facts) {
        String model = facts.get("reply.model");
        if (model != null && !model.isBlank()) {
            return model;
        }
        JsonNode digest = spec.path(RunDirectory.SERVED_KEY).path("digest");
        return digest.isTextual() ? "identity " + digest.asText() : null;
    }

    private static Instant time(JsonNode state, JsonNode report, String... keys) {
        for (JsonNode section : List.of(state, report.path("metadata"), report.path("run"), report)) {
            for (String key : keys) {
                JsonNode v = section.path(key);
                try {
                    if (v.isTextual()) {
                        return Instant.parse(v.asText());
                    }
                    if (v.isIntegralNumber()) {
                        return Instant.ofEpochMilli(v.asLong());
                    }
                } catch (DateTimeParseException notATime) {
                    // another field of that name: keep looking
                }
            }
        }
        return null;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw TailgapException.usage(file + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
