package dev.tailgap.datasets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to import: the {@code inputs} (at least one), where to write ({@code out}, the JSON Lines file; the manifest
 * goes beside it), the dataset {@code name} and {@code version} ({@code null}: the importer's default name, and a
 * version derived from the written items' sha256), and the importer's {@code options} by name (each with its values
 * in the order given).
 */
public record ImportRequest(List<Path> inputs, Path out, String name, String version,
                            Map<String, List<String>> options) {

    public ImportRequest {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one input file");
        }
        name = name == null || name.isBlank() ? null : name;
        version = version == null || version.isBlank() ? null : version;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (options == null ? Map.<String, List<String>>of() : options).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        options = java.util.Collections.unmodifiableMap(copy);
    }

    /** The last value given for {@code option}, or {@code null}. */
    public String option(String option) {
        List<String> values = options.get(option);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Every value given for {@code option}, in order (empty when none). */
    public List<String> all(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** This request with {@code option} set to the single value {@code value}. */
    public ImportRequest with(String option, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(options);
        copy.put(option, List.of(value));
        return new ImportRequest(inputs, out, name, version, copy);
    }
}
