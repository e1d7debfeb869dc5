package dev.tailgap.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.Cost;
import dev.tailgap.reports.Prices;
import dev.tailgap.reports.ReplicaShare;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.RunMetadata;
import dev.tailgap.reports.RunTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run directory's {@value #FILE}: one entry per attempt (start, end, seconds spent, requests sent and retries, and
 * for a run over several replicas each replica's requests, replies and served identity; an
 * attempt that was killed has its start only) and the prices the run was given, if any. With the item log's {@link RunTotals} it makes the report's
 * {@link RunMetadata}: first start, last end, seconds and requests summed over the attempts, and the cost.
 */
public final class RunMetadataFile {
    /** The file's name in the run directory. */
    public static final String FILE = "metadata.json";

    private RunMetadataFile() {
    }

    /** Records that an attempt starts now: a killed attempt keeps the run's start. */
    static void startAttempt(RunDirectory dir, Instant started) {
        ObjectNode root = read(dir.path());
        if (root == null) {
            root = RunDirectory.JSON.createObjectNode();
        }
        root.withArray("attempts").addObject().put("startedAt", started.truncatedTo(ChronoUnit.MILLIS).toString());
        write(dir, root);
    }

    /**
     * Completes the attempt {@link #startAttempt} began: it ends now, took {@code seconds} and sent {@code requests}
     * ({@code retries} of them retries), and, for a run over several replicas, each replica's {@code shares} of them
     * ({@code null}: one endpoint); {@code prices} (or {@code null}) replace those recorded.
     */
    static void endAttempt(RunDirectory dir, double seconds, long requests, long retries, Prices prices,
                           java.util.List<java.util.Map<String, Object>> shares) {
        ObjectNode root = read(dir.path());
        ArrayNode attempts = root == null ? null : root.withArray("attempts");
        if (attempts == null || attempts.isEmpty()) {
            throw new IllegalStateException("no attempt was started in " + dir.path());
        }
        ObjectNode a = (ObjectNode) attempts.get(attempts.size() - 1);
        a.put("endedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        a.put("seconds", Math.round(seconds * 1000) / 1000.0);
        a.put("requests", requests);
        a.put("retries", retries);
        if (shares != null) {
            a.set("replicas", RunDirectory.JSON.valueToTree(shares));
        }
        if (prices != null) {
            ObjectNode p = root.putObject("prices");
            p.put("inputPerMillion", prices.inputPerMillion());
            p.put("outputPerMillion", prices.outputPerMillion());
        }
        write(dir, root);
    }

    private static void write(RunDirectory dir, ObjectNode root) {
        try {
            dir.writeAtomically(FILE, RunDirectory.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code report} with the metadata of the run in {@code dir} and the item log's {@code totals}. */
    public static Report attach(Path dir, Report report, RunTotals totals) {
        return report.withMetadata(metadata(dir, totals));
    }

    /**
     * The metadata of the run in {@code dir} with the item log's {@code totals}, priced at the prices the run
     * recorded; {@code null} when the directory has no {@value #FILE} (a run made before it existed, or a rescored
     * run) or no attempt of it finished.
     */
    public static RunMetadata metadata(Path dir, RunTotals totals) {
        ObjectNode root = read(dir);
        if (root == null) {
            return null;
        }
        JsonNode attempts = root.path("attempts");
        if (!attempts.isArray() || attempts.isEmpty()) {
            return null;
        }
        double seconds = 0;
        long requests = 0;
        long retries = 0;
        int killed = 0;
        String ended = null;
        for (JsonNode a : attempts) {
            if (!a.has("endedAt")) {
                killed++;
                continue;
            }
            ended = a.path("endedAt").asText();
            seconds += a.path("seconds").asDouble();
            requests += a.path("requests").asLong();
            retries += a.path("retries").asLong();
        }
        if (ended == null) {
            return null; // no attempt finished: the run has no report either
        }
        Prices p = null;
        JsonNode recorded = root.path("prices");
        if (recorded.isObject()) {
            p = new Prices(recorded.path("inputPerMillion").asDouble(), recorded.path("outputPerMillion").asDouble());
        }
        Cost cost = p == null ? null : Cost.of(totals, p);
        return new RunMetadata(attempts.get(0).path("startedAt").asText(), ended, seconds, attempts.size(), killed,
                requests, retries, totals, cost, replicas(attempts));
    }

    /** Each replica's requests and replies summed over the attempts, its identity the latest it answered under. */
    private static java.util.List<ReplicaShare> replicas(JsonNode attempts) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> served = new LinkedHashMap<>();
        for (JsonNode a : attempts) {
            for (JsonNode r : a.path("replicas")) {
                String endpoint = r.path("endpoint").asText();
                long[] c = counts.computeIfAbsent(endpoint, k -> new long[2]);
                c[0] += r.path("requests").asLong();
                c[1] += r.path("answered").asLong();
                if (r.at("/served/digest").isTextual()) {
                    served.put(endpoint, r.at("/served/digest").asText());
                }
            }
        }
        return counts.entrySet().stream().map(e -> new ReplicaShare(e.getKey(), e.getValue()[0], e.getValue()[1],
                served.get(e.getKey()))).toList();
    }

    private static ObjectNode read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = RunDirectory.JSON.readTree(file.toFile());
            if (!(n instanceof ObjectNode)) {
                throw TailgapException.usage(file + ": not a JSON object");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw TailgapException.usage(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete it to drop the run's metadata");
        }
    }
}
