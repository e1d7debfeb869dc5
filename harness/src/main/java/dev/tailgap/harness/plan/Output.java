package dev.tailgap.harness.plan;

import dev.tailgap.reports.Prices;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a run goes and how it is labelled: the run directory ({@code null}: {@code <runs>/<dataset>__<model>__<hash>})
 * and tags ({@code --tag key=value}, e.g. {@code release=1.4}, {@code series=nightly}) recorded with the run so that
 * runs can be listed and followed over time. Tag keys are letters, digits, {@code . _ -}. {@code prices}
 * ({@code --price-in}, {@code --price-out}, {@code --prices FILE}; {@code null}: none) price the run's tokens in its
 * metadata; they change nothing that is asked. Immutable.
 */
public record Output(Path dir, Map<String, String> tags, Prices prices) {

    public static final Output DEFAULTS = new Output(null, Map.of(), null);
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
        return new Output(v, tags, prices);
    }

    public Output withTags(Map<String, String> v) {
        return new Output(dir, v, prices);
    }

    public Output withPrices(Prices v) {
        return new Output(dir, tags, v);
    }
}
