package dev.tailgap.harness.engine;

import dev.tailgap.datasets.Sha256;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.adapters.Secrets;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.reports.DatasetRef;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parts of a run's record derived from its spec: the settings tree, the dataset reference, the directory name. */
final class RunSettings {
    private RunSettings() {
    }

    /** The run's settings as written to spec.json and stamped into the report: no secrets, no paths, no times. */
    static Map<String, Object> of(RunSpec spec, Dataset dataset, Scorer scorer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", spec.target().model().toString());
        m.put("endpoint", spec.target().endpointLabel() != null ? spec.target().endpointLabel()
                : redact(spec.target().baseUrls()));
        if (spec.target().apiKeyEnv() != null) {
            m.put("apiKeyEnv", spec.target().apiKeyEnv());
        }
        if (!spec.target().options().isEmpty()) {
            m.put("options", RunSpecFile.redactOptions(spec.target().options()));
        }
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("temperature", spec.generation().params().temperature());
        gen.put("maxTokens", spec.generation().params().maxTokens());
        gen.put("stop", spec.generation().params().stop());
        gen.put("seed", spec.generation().params().seed());
        m.put("generation", gen);
        if (spec.generation().system() != null) {
            m.put("system", spec.generation().system());
        }
        m.put("prompt", Map.of("template", spec.generation().prompt().text(), "sha256",
                spec.generation().prompt().sha256()));
        m.put("protocol", spec.generation().prompting().protocol());
        if (!spec.generation().prompting().equals(dev.tailgap.harness.protocol.Prompting.DEFAULTS)) {
            m.put("prompting", RunDirectory.JSON.convertValue(spec.generation().prompting(), Map.class));
        }
        m.put("scorer", scorer.describe());
        m.put("bucketing", spec.sampling().bucketing() != null ? spec.sampling().bucketing()
                : dataset.manifest().bucketing());
        m.put("minBucketSize", spec.sampling().minBucketSize());
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("perBucket", spec.sampling().perBucket());
        sampling.put("limit", spec.sampling().limit());
        sampling.put("seed", spec.sampling().seed());
        m.put("sampling", sampling);
        m.put("dataset", dataset.manifest().id());
        if (!spec.output().tags().isEmpty()) {
            m.put("tags", spec.output().tags());
        }
        m.put("tool", Version.tool());
        return m;
    }

    /** Base URLs as {@link #redact(String)}, comma-separated (replicas); none: the provider's default. */
    static String redact(java.util.List<String> baseUrls) {
        return baseUrls.isEmpty() ? redact((String) null)
                : String.join(", ", baseUrls.stream().map(RunSettings::redact).toList());
    }

    /** A base URL without user info, query or fragment (where keys sometimes hide). */
    static String redact(String baseUrl) {
        return baseUrl == null ? "(provider default)" : Secrets.withoutCredentials(baseUrl);
    }

    static DatasetRef datasetRef(Dataset d) {
        return new DatasetRef(d.manifest().name(), d.manifest().version(), d.sha256(), d.size(),
                d.manifest().frequencySource(), d.manifest().license());
    }

    /** {@code runs/<dataset>__<model>__<hash of the settings>}. */
    static Path defaultDir(Path runsRoot, Dataset dataset, RunSpec spec, Map<String, Object> settings) {
        String hash = sha256(RunDirectory.prettyJson(settings)).substring(0, 8);
        return runsRoot.resolve(slug(dataset.manifest().name()) + "__" + slug(spec.target().model().toString()) + "__"
                + hash);
    }

    /** Where spec.json says the dataset is: {@code bundled:NAME}, or the file's absolute path. */
    static String resumeLocation(Dataset dataset) {
        String location = dataset.location();
        if (location.startsWith("bundled:") || location.startsWith("memory:")) {
            return location;
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }

    static String slug(String s) {
        String x = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return x.isEmpty() ? "x" : x;
    }

    static String sha256(String s) {
        return Sha256.hex(s);
    }
}
