package dev.tailgap.reports;

import java.util.List;

/** The HTML report's "Judge vs rule" section: one row per {@link JudgeAgreement}, nothing when there is none. */
final class AgreementTable {

    private AgreementTable() {
    }

    static void append(StringBuilder sb, List<JudgeAgreement> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("<section id=\"agreement\">\n<h2>Judge vs rule</h2>\n<div class=\"scroll\"><table>\n")
                .append("<thead><tr><th>Bucket</th><th class=\"num\">n</th><th class=\"num\">Judge accuracy</th>")
                .append("<th class=\"num\">Rule accuracy</th><th class=\"num\">Difference</th>")
                .append("<th class=\"num\">Agreement</th><th class=\"num\">Cohen's kappa</th>")
                .append("<th class=\"num\">Judge only</th><th class=\"num\">Rule only</th></tr></thead>\n<tbody>\n");
        for (JudgeAgreement a : rows) {
            sb.append("<tr><td>").append(Html.text(Phrases.plain(a.bucket()))).append("</td>");
            num(sb, Numbers.count(a.n()));
            num(sb, pct(a.judgeAccuracy()));
            num(sb, pct(a.ruleAccuracy()));
            num(sb, a.n() == 0 ? "n/a" : Numbers.signedPct(a.judgeAccuracy() - a.ruleAccuracy()));
            num(sb, pct(a.agreement()));
            num(sb, Double.isNaN(a.kappa()) ? "n/a" : Numbers.fixed(a.kappa(), 2) + " ["
                    + Numbers.fixed(a.kappaLow(), 2) + ", " + Numbers.fixed(a.kappaHigh(), 2) + "]");
            num(sb, Numbers.count(a.judgeOnly()));
            num(sb, Numbers.count(a.ruleOnly()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n<p class=\"note\">Accuracy of the judge and of the rule-based scorer "
                + "(contains) on the same answers, in percent; kappa on correct-or-not with its 95% interval, n/a "
                + "when one of them calls every item the same. Endpoint and judge errors are left out.</p>\n"
                + "</section>\n");
    }

    private static String pct(double p) {
        return Double.isNaN(p) ? "n/a" : Numbers.pct(p) + "%";
    }

    private static void num(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(Html.text(text)).append("</td>");
    }
}
