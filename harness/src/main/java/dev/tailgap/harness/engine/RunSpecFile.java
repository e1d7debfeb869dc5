package dev.tailgap.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailgap.adapters.GenerationParams;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.protocol.Prompting;
import dev.tailgap.adapters.Secrets;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.cache.CacheReuse;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.PromptTemplate;
import dev.tailgap.harness.scoring.ScoringOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RunSpec} as recorded in a run directory's {@code spec.json} (its {@code "spec"} section), so that
 * {@code tailgap run --resume RUN_DIR} can rebuild it: the dataset's location (absolute, or {@code bundled:NAME}), the
 * model, base URL, name of the key variable, options, generation parameters, prompt template text, scoring (scorer,
 * its options, the hedged policy, the judge's model, base URL, key variable and rate), sampling and execution
 * settings. Never a key: a base URL with user info or a query is recorded without them (and a resume
 * then asks for {@code --base-url}), and options whose name says they hold a secret are recorded as
 * {@value #REDACTED}.
 */
public final class RunSpecFile {
    public static final String REDACTED = "(redacted)";
    private static final ObjectMapper JSON = RunDirectory.JSON;

    private RunSpecFile() {
    }

    /** The section for {@code spec}, whose dataset was loaded from {@code datasetLocation}. */
    public static Map<String, Object> toMap(RunSpec spec, String datasetLocation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", datasetLocation);
        m.put("model", spec.model());
        String url = Secrets.withoutCredentials(spec.baseUrl());
        m.put("baseUrl", url);
        if (url != null && !url.equals(spec.baseUrl())) {
            m.put("baseUrlRedacted", true);
        }
        m.put("apiKeyEnv", spec.apiKeyEnv());
        m.put("options", redactOptions(spec.options()));
        m.put("temperature", spec.params().temperature());
        m.put("maxTokens", spec.params().maxTokens());
        m.put("stop", spec.params().stop());
        m.put("genSeed", spec.params().seed());
        m.put("system", spec.system());
        m.put("prompt", spec.prompt().text());
        m.put("scorer", spec.scorer());
        m.put("bucketing", spec.bucketing());
        m.put("minBucketSize", spec.minBucketSize());
        m.put("perBucket", spec.perBucket());
        m.put("limit", spec.limit());
        m.put("seed", spec.seed());
        m.put("skipInvalid", spec.skipInvalid());
        m.put("endpointLabel", spec.endpointLabel());
        m.put("concurrency", spec.concurrency());
        m.put("timeoutSeconds", spec.timeout().toMillis() / 1000.0);
        m.put("retries", spec.retries());
        m.put("retryBackoffSeconds", spec.retryBackoff().toMillis() / 1000.0);
        m.put("maxErrorRate", spec.maxErrorRate());
        m.put("rpm", spec.rpm());
        m.put("tpm", spec.tpm());
        m.put("cacheSampled", spec.cacheSampled());
        m.put("cacheReuse", spec.cacheReuse().label());
        ScoringOptions o = spec.scoring();
        m.put("hedged", o.hedged().label());
        m.put("scorerOptions", o.options());
        m.put("judgeModel", o.judgeModel());
        m.put("judgeBaseUrl", Secrets.withoutCredentials(o.judgeBaseUrl()));
        m.put("judgeApiKeyEnv", o.judgeApiKeyEnv());
        m.put("judgeRpm", o.judgeRpm());
        m.put("prompting", JSON.convertValue(spec.prompting(), Map.class));
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
        if (!Files.isRegularFile(file)) {
            throw TailgapException.usage(runDir + " is not a run directory (no spec.json)");
        }
        JsonNode s;
        try {
            s = JSON.readTree(file.toFile()).path(RunDirectory.RESUME_KEY);
        } catch (IOException e) {
            throw TailgapException.usage(file + " is not valid JSON: " + e.getMessage());
        }
        if (!s.isObject()) {
            throw TailgapException.usage(file + " records no run spec (written by an older tailgap): rerun the "
                    + "original command to resume");
        }
        try {
            List<String> stop = new ArrayList<>();
            s.path("stop").forEach(n -> stop.add(n.asText()));
            Map<String, String> options = new TreeMap<>();
            s.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            return RunSpec.builder()
                    .dataset(text(s, "dataset", true))
                    .model(text(s, "model", true))
                    .baseUrl(text(s, "baseUrl", false))
                    .apiKeyEnv(text(s, "apiKeyEnv", false))
                    .options(options)
                    .params(new GenerationParams(number(s, "temperature").doubleValue(),
                            number(s, "maxTokens").intValue(), stop,
                            s.path("genSeed").isNumber() ? s.get("genSeed").asLong() : null))
                    .system(text(s, "system", false))
                    .prompt(PromptTemplate.of(text(s, "prompt", true)))
                    .scorer(text(s, "scorer", true))
                    .bucketing(text(s, "bucketing", false))
                    .minBucketSize(number(s, "minBucketSize").intValue())
                    .perBucket(s.path("perBucket").isNumber() ? s.get("perBucket").asInt() : null)
                    .limit(s.path("limit").isNumber() ? s.get("limit").asInt() : null)
                    .seed(number(s, "seed").longValue())
                    .skipInvalid(s.path("skipInvalid").asBoolean(false))
                    .endpointLabel(text(s, "endpointLabel", false))
                    .concurrency(number(s, "concurrency").intValue())
                    .timeout(seconds(number(s, "timeoutSeconds").doubleValue()))
                    .retries(number(s, "retries").intValue())
                    .retryBackoff(seconds(number(s, "retryBackoffSeconds").doubleValue()))
                    .maxErrorRate(number(s, "maxErrorRate").doubleValue())
                    .rpm(s.path("rpm").isNumber() ? s.get("rpm").asInt() : null)
                    .tpm(s.path("tpm").isNumber() ? s.get("tpm").asInt() : null)
                    .cacheSampled(s.path("cacheSampled").asBoolean(false))
                    .cacheReuse(s.hasNonNull("cacheReuse") ? CacheReuse.parse(s.get("cacheReuse").asText())
                            : CacheReuse.IDENTITY)
                    .scoring(scoring(s))
                    .prompting(prompting(s))
                    .out(runDir)
                    .build();
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(file + ": not a valid run spec: " + e.getMessage());
        }
    }

    /** Whether the recorded base URL lost its user info or query (so a resume needs {@code --base-url}). */
    public static boolean baseUrlRedacted(Path runDir) {
        try {
            return JSON.readTree(runDir.resolve(RunDirectory.SPEC).toFile()).path(RunDirectory.RESUME_KEY).path("baseUrlRedacted")
                    .asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The scoring options recorded in a spec section (absent in specs written before they existed: defaults). */
    public static ScoringOptions scoring(JsonNode s) {
        Map<String, String> options = new TreeMap<>();
        s.path("scorerOptions").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new ScoringOptions(s.hasNonNull("hedged") ? HedgePolicy.parse(s.get("hedged").asText())
                : HedgePolicy.DEFAULT, options, text(s, "judgeModel", false), text(s, "judgeBaseUrl", false),
                text(s, "judgeApiKeyEnv", false), s.path("judgeRpm").isNumber() ? s.get("judgeRpm").asInt() : null);
    }

    /** How items are asked, as recorded (absent in specs written before protocols existed: zero-shot, once). */
    static Prompting prompting(JsonNode s) {
        if (!s.hasNonNull("prompting")) {
            return Prompting.DEFAULTS;
        }
        try {
            return JSON.treeToValue(s.get("prompting"), Prompting.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("field 'spec.prompting': " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode s, String field, boolean required) {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException("field 'spec." + field + "' is missing");
            }
            return null;
        }
        return n.asText();
    }

    private static Number number(JsonNode s, String field) {
        JsonNode n = s.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("field 'spec." + field + "' is missing or not a number");
        }
        return n.numberValue();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
