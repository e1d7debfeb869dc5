package dev.tailgap.harness.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailgap.adapters.Secrets;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.SkipReport;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.plan.PlanJson;
import dev.tailgap.harness.plan.Target;
import dev.tailgap.harness.scoring.ScoringOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RunSpec} as recorded in a run directory's {@code spec.json} (its {@code "spec"} section), so that
 * {@code tailgap run --resume RUN_DIR} can rebuild it: the plan by its one JSON mapping ({@link PlanJson}), with the
 * dataset's location (absolute, or {@code bundled:NAME}) and no run directory (the directory is where the file is).
 * Never a key: a base URL with user info or a query is recorded without them ({@value #BASE_URL_REDACTED}: a resume
 * then asks for {@code --base-url}, given once per replica), and options whose name says they hold a secret are
 * recorded as {@value #REDACTED}. Beside the plan the section may hold what {@code --skip-invalid} left out and, for
 * a rescored run, the run it was rescored from.
 */
public final class RunSpecFile {
    public static final String REDACTED = "(redacted)";
    public static final String BASE_URL_REDACTED = "baseUrlRedacted";
    public static final String RESCORED_FROM = "rescoredFrom";
    private static final List<String> BESIDE_THE_PLAN = List.of(BASE_URL_REDACTED, RESCORED_FROM, SkipReport.KEY);

    private RunSpecFile() {
    }

    /** The section for {@code spec}, whose dataset was loaded from {@code datasetLocation}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(RunSpec spec, String datasetLocation) {
        Target t = spec.target();
        List<String> urls = t.baseUrls().stream().map(Secrets::withoutCredentials).toList();
        ScoringOptions o = spec.scoring().options();
        RunSpec recorded = new RunSpec(
                new Target(t.model(), urls, t.apiKeyEnv(), redactOptions(t.options()), t.endpointLabel()),
                spec.sampling().withDataset(datasetLocation), spec.generation(),
                spec.scoring().withOptions(new ScoringOptions(o.hedged(), o.options(), o.judgeModel(),
                        Secrets.withoutCredentials(o.judgeBaseUrl()), o.judgeApiKeyEnv(), o.judgeRpm())),
                spec.execution(), spec.output().withDir(null));
        Map<String, Object> m = PlanJson.MAPPER.convertValue(recorded, Map.class);
        if (!urls.equals(t.baseUrls())) {
            m.put(BASE_URL_REDACTED, true);
        }
        return m;
    }

    /** Options with the values of secret-named ones replaced by {@value #REDACTED}. */
    public static Map<String, String> redactOptions(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>();
        options.forEach((k, v) -> out.put(k, Secrets.isSecretName(k) ? REDACTED : v));
        return out;
    }

    /**
     * The run spec recorded in {@code runDir}, writing into {@code runDir}; a usage error naming the file when it is
     * missing, unreadable or from a tailgap that did not record one.
     */
    public static RunSpec read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.SPEC);
        JsonNode s = section(runDir);
        if (!s.isObject() || !s.has("target")) {
            throw TailgapException.usage(file + " records no run plan this tailgap reads (written by an older "
                    + "tailgap): rerun the original command to resume");
        }
        ObjectNode plan = ((ObjectNode) s).deepCopy();
        plan.remove(BESIDE_THE_PLAN);
        try {
            RunSpec r = PlanJson.MAPPER.treeToValue(plan, RunSpec.class);
            return new RunSpec(r.target(), r.sampling(), r.generation(), r.scoring(), r.execution(),
                    r.output().withDir(runDir));
        } catch (UnrecognizedPropertyException e) {
            throw TailgapException.usage(file + ": unknown setting '" + path(e) + "' in the run plan (written by a "
                    + "newer tailgap?)");
        } catch (MismatchedInputException e) {
            throw TailgapException.usage(file + ": setting '" + path(e) + "' is missing or of the wrong type");
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String what = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw TailgapException.usage(file + ": not a valid run plan: " + what);
        }
    }

    /** The dotted path of the setting a mapping error is about, e.g. {@code execution.concurrency}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Whether the recorded base URL lost its user info or query (so a resume needs {@code --base-url}). */
    public static boolean baseUrlRedacted(Path runDir) {
        return section(runDir).path(BASE_URL_REDACTED).asBoolean(false);
    }

    private static JsonNode section(Path runDir) {
        Path file = runDir.resolve(RunDirectory.SPEC);
        if (!Files.isRegularFile(file)) {
            throw TailgapException.usage(runDir + " is not a run directory (no spec.json)");
        }
        try {
            return RunDirectory.JSON.readTree(file.toFile()).path(RunDirectory.RESUME_KEY);
        } catch (IOException e) {
            throw TailgapException.usage(file + " is not valid JSON: " + e.getMessage());
        }
    }
}
