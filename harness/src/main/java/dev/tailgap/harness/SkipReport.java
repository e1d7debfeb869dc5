package dev.tailgap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.LoadProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --skip-invalid} left out of a run: the count of skipped lines and the first {@value #FIRST} problems,
 * recorded in the run spec ({@code spec.json}, key {@value #KEY} of the spec section) and shown on the terminal.
 */
public final class SkipReport {

    /** The spec key. */
    public static final String KEY = "skippedInvalid";

    /** How many problems are recorded. */
    public static final int FIRST = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SkipReport() {
    }

    /** Adds the skip report of {@code dataset} to the spec section {@code spec} when lines were skipped. */
    public static void record(Dataset dataset, Map<String, Object> spec) {
        if (dataset.skipped() == 0) {
            return;
        }
        List<String> first = new ArrayList<>();
        for (LoadProblem p : dataset.problems()) {
            if (first.size() < FIRST) {
                first.add(p.toString());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lines", dataset.skipped());
        m.put("first", first);
        spec.put(KEY, m);
    }

    /** The terminal lines for a skip report of {@code dataset}, or none when nothing was skipped. */
    public static List<String> lines(Dataset dataset) {
        Map<String, Object> spec = new LinkedHashMap<>();
        record(dataset, spec);
        return spec.isEmpty() ? List.of() : lines(JSON.valueToTree(spec.get(KEY)));
    }

    /** The terminal lines for the skip report in the run directory {@code dir}, or none. */
    public static List<String> lines(Path dir, String specFile, String section) {
        try {
            JsonNode report = JSON.readTree(Files.readString(dir.resolve(specFile))).path(section).path(KEY);
            return report.isMissingNode() ? List.of() : lines(report);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(JsonNode report) {
        long n = report.path("lines").asLong();
        List<String> out = new ArrayList<>();
        out.add("tailgap: warning: --skip-invalid skipped " + n + " invalid dataset line" + (n == 1 ? "" : "s")
                + " (recorded in the run spec); the first:");
        report.path("first").forEach(p -> out.add("  " + p.asText()));
        return out;
    }
}
