package dev.tailgap.harness.scoring;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a run scores, beyond the scorer's name: the hedged-guess policy, the scorer's own options
 * ({@code --scorer-option KEY=VALUE}) and, for the judge, its model ({@code provider:model}), base URL, the name of
 * its key variable and its requests-per-minute cap ({@code null}s: none). Immutable; holds no key.
 */
public record ScoringOptions(HedgePolicy hedged, Map<String, String> options, String judgeModel, String judgeBaseUrl,
                             String judgeApiKeyEnv, Integer judgeRpm) {

    /** {@link HedgePolicy#DEFAULT}, no options, no judge. */
    public static final ScoringOptions DEFAULTS = new ScoringOptions(HedgePolicy.DEFAULT, Map.of(), null, null, null,
            null);

    public ScoringOptions {
        Objects.requireNonNull(hedged, "hedged");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        if (judgeRpm != null && judgeRpm < 1) {
            throw new IllegalArgumentException("--judge-rpm must be >= 1");
        }
    }
}
