package dev.tailgap.harness.plan;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a run goes and how it is labelled: the run directory ({@code null}: {@code <runs>/<dataset>__<model>__<hash>})
 * and tags ({@code --tag key=value}, e.g. {@code release=1.4}, {@code series=nightly}) recorded with the run so that
 * runs can be listed and followed over time. Tag keys are letters, digits, {@code . _ -}. Immutable.
 */
public record Output(Path dir, Map<String, String> tags) {

    public static final Output DEFAULTS = new Output(null, Map.of());
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Output {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (!KEY.matcher(t.getKey()).matches()) {
                throw new PlanException("tag key '" + t.getKey() + "' must be letters, digits, '.', '_' "
                        + "or '-'");
            }
            if (t.getValue() == null) {
                throw new PlanException("tag '" + t.getKey() + "' has no value (give key=value)");
            }
        }
    }

    public Output withDir(Path v) {
        return new Output(v, tags);
    }

    public Output withTags(Map<String, String> v) {
        return new Output(dir, v);
    }
}
