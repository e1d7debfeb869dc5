package dev.tailgap.reports.format;

import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonFormat;
import dev.tailgap.reports.ComparisonHtml;
import java.util.List;

/** A comparison as one self-contained HTML page with the ranking, the curves, paired tables and disagreements. */
public final class ComparisonHtmlFormat implements ComparisonFormat {
    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "one self-contained HTML page with the ranking, the curves, paired tables and disagreements";
    }

    @Override
    public List<String> extensions() {
        return List.of(".html", ".htm");
    }

    @Override
    public String render(Comparison c) {
        return ComparisonHtml.render(c);
    }
}
