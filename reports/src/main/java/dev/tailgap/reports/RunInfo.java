package dev.tailgap.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report says about the run it describes: the model (and its provider, the part before the colon), the
 * endpoint as recorded (never with credentials), the dataset id, the scorer, the protocol, the prompt template and its
 * sha256, the system prompt, the seed, the generation, sampling and execution settings, the run's tags, every setting
 * ({@code settings}, what {@code report.json} records under {@code run}). Any of the texts is {@code null} when the
 * run did not record it; when and how the run was made is the report's {@link RunMetadata}.
 *
 * <p>{@link #of} reads these from the settings tree a run records (and older runs recorded), so a report rebuilt from a
 * saved run says what the live run said.
 */
public record RunInfo(String model, String provider, String endpoint, String dataset, String scorer,
                      String protocol, String promptTemplate, String promptSha256, String system, String seed,
                      Settings generation, Settings sampling, Settings execution, Map<String, String> tags,
                      Settings settings) {
    /** A run that recorded nothing. */
    public static final RunInfo NONE = of(Settings.NONE);

    public RunInfo {
        generation = generation == null ? Settings.NONE : generation;
        sampling = sampling == null ? Settings.NONE : sampling;
        execution = execution == null ? Settings.NONE : execution;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        settings = settings == null ? Settings.NONE : settings;
    }

    /** The run described by its recorded settings tree (a JSON-like map). */
    public static RunInfo of(Map<?, ?> settings) {
        return of(Settings.of(settings));
    }

    /** The run described by its recorded settings. */
    public static RunInfo of(Settings s) {
        String model = s.text("model");
        int colon = model == null ? -1 : model.indexOf(':');
        String template;
        String sha;
        if (s.get("prompt") instanceof SettingValue.Group) {
            template = s.text("prompt.template");
            sha = s.text("prompt.sha256");
        } else {
            template = s.text("prompt");
            sha = null;
        }
        String seed = s.get("seed") != null ? s.text("seed") : s.text("sampling.seed");
        Settings tagGroup = s.get("tags") != null ? s.group("tags") : s.group("output.tags");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Settings.Row row : tagGroup.rows()) {
            tags.put(row.name(), row.value());
        }
        return new RunInfo(model, colon > 0 ? model.substring(0, colon) : null, s.text("endpoint"), s.text("dataset"),
                s.text("scorer"), s.text("protocol"), template, sha, s.text("system"), seed, s.group("generation"),
                s.group("sampling"), s.group("execution"), tags, s);
    }
}
