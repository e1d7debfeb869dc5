package dev.tailgap.reports.format;

import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonFormat;
import dev.tailgap.reports.ComparisonMarkdown;
import java.util.List;

/** A comparison as Markdown for a pull request. */
public final class ComparisonMarkdownFormat implements ComparisonFormat {
    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public List<String> aliases() {
        return List.of("md");
    }

    @Override
    public String description() {
        return "Markdown for a pull request";
    }

    @Override
    public List<String> extensions() {
        return List.of(".md", ".markdown");
    }

    @Override
    public String render(Comparison c) {
        return ComparisonMarkdown.render(c);
    }
}
