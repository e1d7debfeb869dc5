package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer-consistency figures of repeated samples in report.json (read back too), Markdown and HTML. */
class ConsistencyReportTest {
    private static Consistency.Row row(String name, int n, int unstable) {
        Estimate e = new Estimate(unstable / (double) n, 0.01, 0.3);
        return new Consistency.Row(name, n, unstable, e, n / 2, new Estimate(0.5, 0.4, 0.6), n - 1,
                new Estimate(0.9, 0.8, 0.95), n / 3, new Estimate(0.33, 0.25, 0.4));
    }

    private static Report withConsistency() {
        return ReportFixtures.standard().withConsistency(new Consistency(5, List.of(row("head", 24, 1),
                row("torso", 148, 12), row("tail", 421, 80)), row("all", 593, 93)));
    }

    @Test
    void jsonCarriesItAndReadsItBack() {
        Report r = withConsistency();
        String json = JsonReport.render(r);
        assertThat(json).contains("\"consistency\"").contains("\"accuracyAtK\"").contains("\"samples\": 5");
        Report back = JsonReport.parse(json);
        assertThat(back.consistency().samples()).isEqualTo(5);
        assertThat(back.consistency().buckets()).extracting(Consistency.Row::unstable).containsExactly(1, 12, 80);
        assertThat(back.consistency().overall().anyCorrect()).isEqualTo(592);
        assertThat(back.consistency().buckets().get(2).instability().value()).isEqualTo(0.190024); // six decimals
        assertThat(JsonReport.render(back)).isEqualTo(json);
        assertThat(JsonReport.render(ReportFixtures.standard())).doesNotContain("consistency");
    }

    @Test
    void markdownAndHtmlShowATableOnlyForRepeatedSamples() {
        String md = MarkdownReport.render(withConsistency());
        assertThat(md).contains("**Answer consistency** over 5 samples per item")
                .contains("Instability (95% CI)").contains("Majority").contains("Accuracy@5")
                .contains(ConsistencyTable.NOTE);
        assertThat(MarkdownReport.render(ReportFixtures.standard())).doesNotContain("Answer consistency");
        String html = HtmlReport.render(withConsistency(), List.of());
        assertThat(html).contains("<section id=\"consistency\">").contains("Accuracy@5");
        assertThat(HtmlReport.render(ReportFixtures.standard(), List.of())).doesNotContain("id=\"consistency\"");
    }
}
