package dev.tailgap.harness.scoring;

import dev.tailgap.harness.engine.ModelCall;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link ScorerProvider} gets to build a scorer: the scorer's options ({@code --scorer-option KEY=VALUE}), the
 * hedged-guess policy, the dataset's alias rule, and for a judge the client to call ({@code null} when no
 * {@code --judge-model} was given) with the judge's name ({@code provider:model}).
 */
public record ScorerContext(Map<String, String> options, HedgePolicy hedged, AliasRule aliases, ModelCall judge,
                            String judgeModel) {
    public ScorerContext {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        Objects.requireNonNull(hedged, "hedged");
        Objects.requireNonNull(aliases, "aliases");
    }

    /** Defaults: no options, {@link HedgePolicy#DEFAULT}, {@link AliasRule#GUARDED}, no judge. */
    public static ScorerContext defaults() {
        return new ScorerContext(Map.of(), HedgePolicy.DEFAULT, AliasRule.GUARDED, null, null);
    }

    /** This context with other options. */
    public ScorerContext withOptions(Map<String, String> o) {
        return new ScorerContext(o, hedged, aliases, judge, judgeModel);
    }

    /** Refuses options the scorer does not know, naming the ones it does. */
    public void allowOnly(String scorer, Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("scorer " + scorer + " has no option '" + k + "'"
                        + (known.isEmpty() ? " (it takes none)" : " (options: " + String.join(", ",
                        new java.util.TreeSet<>(known)) + ")"));
            }
        }
    }
}
