package dev.tailgap.reports;

/**
 * A {@link GateReport} as plain text for a terminal or a CI log: a header naming the run, the baseline, the dataset
 * and alpha, one line per rule ({@code PASS}/{@code FAIL}, the rule, the observed estimate with its 95% interval,
 * the p-value for baseline rules and the reason), then the verdict. ASCII apart from names taken from the runs, whose
 * control characters are replaced by {@code ?}; lines are not wrapped so that each rule stays on one line.
 */
public final class GateTerminal {
    private GateTerminal() {
    }

    /** The report as text lines ending in {@code \n}. */
    public static String render(GateReport g) {
        StringBuilder sb = new StringBuilder("tailgap gate: ").append(GateMarkdown.runLabel(g.run(), g.model(), false));
        if (g.baseline() != null) {
            sb.append(" against baseline ").append(GateMarkdown.runLabel(g.baseline(), g.baselineModel(), false));
        }
        sb.append('\n');
        sb.append("dataset ").append(Phrases.plain(Phrases.datasetId(g.dataset())));
        if (g.baseline() != null) {
            sb.append(", alpha ").append(GateResult.threshold(g.alpha()));
        }
        sb.append("\n\n");
        for (GateResult r : g.results()) {
            sb.append(r.status()).append("  ").append(Phrases.plain(r.rule())).append("  ").append(r.summary())
                    .append('\n');
        }
        sb.append('\n').append(g.verdict()).append('\n');
        return sb.toString();
    }
}
