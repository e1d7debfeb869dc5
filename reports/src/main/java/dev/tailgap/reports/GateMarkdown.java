package dev.tailgap.reports;

/**
 * A {@link GateReport} as GitHub-flavoured Markdown for a pull-request comment or a job summary: a heading with the
 * verdict, the runs compared, then a table with one row per rule (result, rule, observed estimate with its 95%
 * interval, and the reason). Names from the runs are escaped or put in code spans.
 */
public final class GateMarkdown {
    private GateMarkdown() {
    }

    /** The report as Markdown, ending in a newline. */
    public static String render(GateReport g) {
        StringBuilder sb = new StringBuilder("## tailgap gate: ").append(g.passed() ? "passed" : "FAILED")
                .append("\n\n");
        int total = g.results().size();
        sb.append(g.passed() ? (total == 1 ? "The rule passed" : "All " + total + " rules passed")
                : g.failures() + " of " + total + (total == 1 ? " rule" : " rules") + " failed").append(". Run ")
                .append(runLabel(g.run(), g.model(), true));
        if (g.baseline() != null) {
            sb.append(" against baseline ").append(runLabel(g.baseline(), g.baselineModel(), true));
        }
        sb.append(" on ").append(MarkdownReport.code(Phrases.datasetId(g.dataset())));
        if (g.baseline() != null) {
            sb.append(", alpha ").append(GateResult.threshold(g.alpha()));
        }
        sb.append(".\n\n");
        TextTable t = new TextTable("Result", "Rule", "Measured", ">Observed (95% CI)", "Reason");
        for (GateResult r : g.results()) {
            t.row(r.passed() ? "pass" : "**FAIL**", MarkdownReport.code(r.rule()).replace("|", "\\|"),
                    MarkdownReport.escape(r.subject() + ": " + r.quantity()), observed(r),
                    MarkdownReport.escape(reason(r)));
        }
        sb.append(t.markdown());
        if (g.baseline() != null) {
            sb.append("\nBaseline rules pair the items scored in both runs; a change rule fails only when the change "
                    + "exceeds its tolerance and a one-sided exact McNemar test (Holm-adjusted across the baseline "
                    + "rules) finds it significant.\n");
        }
        return sb.toString();
    }

    private static String observed(GateResult r) {
        Estimate e = r.observed();
        if (!e.defined()) {
            return "\u2014";
        }
        String v = r.number(e.value());
        if (r.count() || Double.isNaN(e.lower()) || Double.isNaN(e.upper())) {
            return v;
        }
        return v + " (" + r.number(e.lower()) + " to " + r.number(e.upper()) + ")";
    }

    private static String reason(GateResult r) {
        StringBuilder sb = new StringBuilder(r.verdict());
        GateResult.PairedTest p = r.paired();
        if (p != null && r.observed().defined()) {
            sb.append("; ").append(Numbers.count(p.pairs())).append(" pairs, ").append(Numbers.count(p.worse()))
                    .append(" worse, ").append(Numbers.count(p.better())).append(" better, p = ")
                    .append(GateResult.pValue(p.pValue()));
            if (p.adjustedPValue() != p.pValue()) {
                sb.append(" (Holm ").append(GateResult.pValue(p.adjustedPValue())).append(')');
            }
            sb.append(", power ").append(r.powerText()).append(" at a true change of ")
                    .append(GateResult.threshold(p.powerAt()));
        } else if (r.n() >= 0) {
            sb.append("; n = ").append(Numbers.count(r.n()));
        }
        if (r.note() != null) {
            sb.append("; ").append(r.note());
        }
        return sb.toString();
    }

    /** A run as "path (model)", in code spans for Markdown. */
    static String runLabel(String run, String model, boolean markdown) {
        String path = markdown ? MarkdownReport.code(run) : Phrases.plain(run);
        if (model == null) {
            return path;
        }
        return path + " (" + (markdown ? MarkdownReport.code(model) : Phrases.plain(model)) + ")";
    }
}
