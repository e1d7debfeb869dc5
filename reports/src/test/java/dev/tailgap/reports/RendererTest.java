package dev.tailgap.reports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Wording and escaping cases that the golden files do not cover. */
class RendererTest {
    static Report withGap(Report r, Gap gap) {
        return JsonReportTest.withGapAndSlope(r, gap, r.slope());
    }

    static Report withRun(Report r, Map<String, Object> run) {
        return new Report(r.schemaVersion(), r.tool(), r.dataset(), RunInfo.of(run), r.bucketing(), r.minBucketSize(),
                r.buckets(), r.overall(), r.gap(), r.slope());
    }

    static BucketStats named(BucketStats b, String name) {
        return new BucketStats(name, b.lower(), b.upper(), b.datasetSize(), b.asked(), b.n(), b.correct(),
                b.hallucinated(), b.abstained(), b.errors(), b.accuracy(), b.hallucination(), b.abstention(),
                b.precision(), b.small());
    }

    @Test
    void aWeightedReportLabelsBothAllRowsAndSaysWhatTheyAre() {
        Report a = ReportFixtures.standard();
        Totals pooled = a.overall();
        Totals weighted = new Totals(pooled.asked(), pooled.n(), pooled.correct(), pooled.hallucinated(),
                pooled.abstained(), pooled.errors(), new Estimate(0.212, 0.18, 0.25), pooled.hallucination(),
                pooled.abstention(), pooled.precision(), pooled.errorRate());
        Report r = new Report(a.schemaVersion(), a.tool(), a.dataset(), a.run(), a.bucketing(), a.minBucketSize(),
                a.buckets(), weighted, a.gap(), a.slope(), a.points(), a.relations(), pooled);
        String md = MarkdownReport.render(r);
        assertThat(md).contains("| **all (weighted)** |", "| sample (pooled)", "21.2% (18.0\u201325.0)",
                "each bucket counts by its share of the dataset");
        assertThat(TerminalTable.render(r)).contains("all (weighted)", "sample (pooled)");
        assertThat(HtmlReport.render(r, ItemSource.of(List.of()))).contains("all (weighted)", "sample (pooled)");
        assertThat(JsonReport.parse(JsonReport.render(r)).pooled()).isEqualTo(pooled);
        assertThat(MarkdownReport.render(a)).doesNotContain("weighted").contains("| **all** |");
    }

    @Test
    void headlineSaysNoGapWhenTheDifferenceRoundsToZero() {
        Report r = withGap(ReportFixtures.standard(), new Gap("head", "tail", new Estimate(0.0004, -0.031, 0.029),
                new Estimate(-0.0002, -0.02, 0.019)));
        assertThat(Phrases.headline(r, Phrases.Style.MARKDOWN)).endsWith(
                ": no gap (95% CI -3.1 to 2.9); hallucination is unchanged (95% CI -2.0 to 1.9).");
    }

    @Test
    void headlineExplainsAnUndefinedGap() {
        Report edge = ReportFixtures.edge();
        List<BucketStats> bs = edge.buckets();
        Report r = JsonReportTest.withBuckets(edge, List.of(bs.get(0), bs.get(1)));
        r = withGap(r, new Gap("1e4+", "1e2-1e4", Estimate.NONE, Estimate.NONE));
        assertThat(MarkdownReport.render(r)).contains("The head-vs-tail accuracy gap is undefined (the tail bucket "
                + "`1e2-1e4` has no scored items); the hallucination gap is undefined.");
        assertThat(TerminalTable.render(withGap(r, null))).contains(
                "Gap:    No head-vs-tail gap: the report has fewer than two buckets.");
    }

    @Test
    void slopeLineWithAndWithoutExclusions() {
        assertThat(Phrases.slope(new Slope(-0.0314, -0.05, -0.0128, 0.4, Double.NaN, 1, 0), Phrases.Style.MARKDOWN))
                .isEqualTo("-3.1 points of accuracy per decade of frequency (95% CI -5.0 to -1.3, HC3), R\u00b2 n/a"
                        + " over decade bins; fitted on 1 item.");
        assertThat(Phrases.slope(ReportFixtures.standard().slope(), Phrases.Style.MARKDOWN))
                .isEqualTo("+11.8 points of accuracy per decade of frequency (95% CI 9.4\u201314.3, HC3), R\u00b2 0.96"
                        + " over decade bins (0.31 over items); logistic fit +0.62 log-odds per decade (95% CI"
                        + " 0.51\u20130.73), average marginal effect +11.9 points per decade (95% CI 10.0\u201313.8);"
                        + " fitted on 590 items (3 items with frequency 0 left out).");
        assertThat(Phrases.slope(ReportFixtures.edge().slope(), Phrases.Style.PLAIN))
                .isEqualTo("undefined (every scored item was wrong, so accuracy cannot change with frequency; 25 items"
                        + " with frequency 0 left out).");
        assertThat(Phrases.slope(null, Phrases.Style.PLAIN)).isEqualTo("not computed.");
    }

    @Test
    void markdownEscapesNamesFromTheRun() {
        Report base = ReportFixtures.standard();
        List<BucketStats> bs = base.buckets();
        Report r = JsonReportTest.withBuckets(base, List.of(named(bs.get(0), "a|b <script>"), bs.get(1),
                named(bs.get(2), "*tail*")));
        r = withGap(r, new Gap("a|b <script>", "*tail*", base.gap().accuracy(), base.gap().hallucination()));
        r = withRun(r, Map.of("model", "evil`model\n# heading", "seed", 1));
        String md = MarkdownReport.render(r);
        assertThat(md).startsWith("## tailgap: ``evil`model # heading`` on `popqa-sample@2024.1`\n");
        assertThat(md).contains("| a\\|b \\<script\\> \u2020 |", "| \\*tail\\*", "Tail accuracy (`*tail*`)");
        assertThat(md).contains("in the head (`a|b <script>`)"); // literal inside a code span
    }

    @Test
    void codeSpansFenceAnyBackticks() {
        assertThat(MarkdownReport.code("plain")).isEqualTo("`plain`");
        assertThat(MarkdownReport.code("a``b")).isEqualTo("```a``b```");
        assertThat(MarkdownReport.code("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownReport.code("")).isEqualTo("` `");
    }

    @Test
    void terminalNeutralisesControlCharacters() {
        Report r = withRun(ReportFixtures.standard(), Map.of("model", "m\u001b[31mred\u0007"));
        String txt = TerminalTable.render(r);
        assertThat(txt).startsWith("tailgap: m?[31mred? on popqa-sample@2024.1").doesNotContain("\u001b");
    }

    @Test
    void aRecordedPromptIsShownAsItsTemplateAndDigestAndTheSeedComesFromSampling() {
        Report r = withRun(ReportFixtures.standard(), Map.of("prompt", Map.of("template", "Q: {question}\nA:",
                "sha256", "ab12"), "sampling", Map.of("seed", 42L, "limit", List.of(1, 2))));
        assertThat(MarkdownReport.render(r)).contains("- Prompt: `Q: {question} A:` (sha256 `ab12`)\n",
                "- Seed: `42`\n").doesNotContain("Scorer:");
        assertThat(r.run().settings().rows()).containsExactly(new Settings.Row("prompt.sha256", "ab12"),
                new Settings.Row("prompt.template", "Q: {question}\nA:"), new Settings.Row("sampling.limit", "[1,2]"),
                new Settings.Row("sampling.seed", "42"));
    }

    @Test
    void tagsAreShownWhenTheRunRecordedThem() {
        Report plain = ReportFixtures.standard();
        assertThat(MarkdownReport.render(plain)).doesNotContain("Tags:");
        assertThat(HtmlReport.render(plain, ItemSource.of(List.of()))).doesNotContain("<dt>Tags</dt>");
        Map<String, Object> settings = new java.util.LinkedHashMap<>(ReportFixtures.settingsMap(plain));
        settings.put("tags", Map.of("release", "1.4", "git.sha", "abc"));
        Report r = new Report(plain.schemaVersion(), plain.tool(), plain.dataset(), RunInfo.of(settings),
                plain.bucketing(), plain.minBucketSize(), plain.buckets(), plain.overall(), plain.gap(), plain.slope());
        assertThat(r.run().tags()).containsExactly(Map.entry("git.sha", "abc"), Map.entry("release", "1.4"));
        assertThat(MarkdownReport.render(r)).contains("- Tags: `git.sha=abc`, `release=1.4`\n");
        assertThat(HtmlReport.render(r, ItemSource.of(List.of()))).contains(
                "<dt>Tags</dt><dd>git.sha=abc, release=1.4</dd>");
    }

    @Test
    void numbersAreFormattedTheSameEverywhere() {
        assertThat(Numbers.pct(0.6125)).isEqualTo("61.3");
        assertThat(Numbers.pct(-0.0004)).isEqualTo("0.0");
        assertThat(Numbers.signedPct(0.123)).isEqualTo("+12.3");
        assertThat(Numbers.signedPct(-0.123)).isEqualTo("-12.3");
        assertThat(Numbers.signedPct(0.0001)).isEqualTo("0.0");
        assertThat(Numbers.count(14267)).isEqualTo("14,267");
        assertThat(Numbers.compact(0)).isEqualTo("0");
        assertThat(Numbers.compact(0.5)).isEqualTo("0.5");
        assertThat(Numbers.compact(999)).isEqualTo("999");
        assertThat(Numbers.compact(1234)).isEqualTo("1.23k");
        assertThat(Numbers.compact(48210)).isEqualTo("48.2k");
        assertThat(Numbers.compact(999_999)).isEqualTo("1M");
        assertThat(Numbers.compact(3.2e9)).isEqualTo("3.2B");
        assertThat(Numbers.compact(5e15)).isEqualTo("5000T");
        assertThat(Numbers.json6(0.1234565)).isEqualTo("0.123456");
        assertThat(Numbers.json6(0.1234575)).isEqualTo("0.123458");
        assertThat(Numbers.json6(-0.0)).isEqualTo("0.0");
        assertThat(Numbers.json6(1)).isEqualTo("1.0");
        assertThat(Numbers.json6(-0.22)).isEqualTo("-0.22");
        assertThat(Numbers.jsonFrequency(48210)).isEqualTo("48210");
        assertThat(Numbers.jsonFrequency(2.5e-8)).isEqualTo("0.000000025");
    }
}
