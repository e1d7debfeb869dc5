package dev.tailgap.reports.format;

import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonFormat;
import dev.tailgap.reports.ComparisonJson;
import java.util.List;

/** A comparison as JSON with every run's report and the paired tests. */
public final class ComparisonJsonFormat implements ComparisonFormat {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "JSON with every run's report and the paired tests";
    }

    @Override
    public List<String> extensions() {
        return List.of(".json");
    }

    @Override
    public String render(Comparison c) {
        return ComparisonJson.render(c);
    }
}
