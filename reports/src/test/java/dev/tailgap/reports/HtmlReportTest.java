package dev.tailgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML, CSV and JUnit renderers' contracts that the golden files alone do not state. */
class HtmlReportTest {
    private static final String ISLAND_OPEN = "<script type=\"application/json\" id=\"tailgap-items\">";

    static String island(String html) {
        int start = html.indexOf(ISLAND_OPEN) + ISLAND_OPEN.length();
        return html.substring(start, html.indexOf("</script>", start));
    }

    @Test
    void theDataIslandHoldsEveryItemExactlyAndNothingThatCanCloseIt() throws Exception {
        List<ItemResult> items = ReportFixtures.items();
        String html = HtmlReport.render(ReportFixtures.standard(), ItemSource.of(items));
        String island = island(html);
        assertThat(island).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        JsonNode data = new ObjectMapper().readTree(island);
        assertThat(data.get("items")).hasSize(items.size());
        List<String> answers = new ArrayList<>();
        data.get("items").forEach(it -> answers.add(it.get(3).isNull() ? null : it.get(3).asText()));
        assertThat(answers).containsExactlyInAnyOrderElementsOf(items.stream().map(ItemResult::rawAnswer).toList());
        // outside the island, untrusted text appears only escaped
        String outside = html.replace(island, "");
        assertThat(outside).doesNotContain("<script>window", "onerror=\"", "<svg onload", "<b>Edsger");
    }

    @Test
    void theSameItemsInAnyOrderGiveTheSameBytes() {
        List<ItemResult> shuffled = new ArrayList<>(ReportFixtures.items());
        Collections.shuffle(shuffled, new Random(3));
        assertThat(HtmlReport.render(ReportFixtures.standard(), ItemSource.of(shuffled)))
                .isEqualTo(HtmlReport.render(ReportFixtures.standard(), ItemSource.of(ReportFixtures.items())));
        assertThat(CsvReport.items(ReportFixtures.standard(), shuffled))
                .isEqualTo(CsvReport.items(ReportFixtures.standard(), ReportFixtures.items()));
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesOwnScript() throws Exception {
        String html = HtmlReport.render(ReportFixtures.standard(), ItemSource.of(ReportFixtures.items()));
        Matcher csp = Pattern.compile("script-src 'sha256-([A-Za-z0-9+/=]+)';").matcher(html);
        assertThat(csp.find()).isTrue();
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp.group(1)).isEqualTo(hash);
        assertThat(script.find()).as("one inline script").isFalse();
        assertThat(html).contains("default-src 'none'");
        assertThat(html.replace(island(html), "")).as("no address outside the item data").doesNotContain("://");
        assertThat(ComparisonHtml.render(ReportFixtures.comparison())).contains("script-src 'none'")
                .doesNotContain("<script");
    }

    @Test
    void longAnswersAreCutWithAnEllipsis() throws Exception {
        String longAnswer = "x".repeat(HtmlReport.MAX_ANSWER_CHARS * 3);
        ItemResult it = ReportFixtures.item("long", "Q?", List.of("a"), null, 5, "tail", longAnswer,
                Outcome.HALLUCINATED, null);
        JsonNode data = new ObjectMapper().readTree(island(HtmlReport.render(ReportFixtures.standard(),
                ItemSource.of(List.of(it)))));
        String shown = data.get("items").get(0).get(3).asText();
        assertThat(shown).hasSize(HtmlReport.MAX_ANSWER_CHARS).endsWith("x\u2026");
    }

    @Test
    void csvGuardsTextCellsAgainstFormulasButLeavesNumbersAlone() {
        assertThat(CsvReport.guard("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvReport.guard("+44")).isEqualTo("'+44");
        assertThat(CsvReport.guard("-x")).isEqualTo("'-x");
        assertThat(CsvReport.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvReport.guard("\tx")).isEqualTo("'\tx");
        assertThat(CsvReport.guard("plain")).isEqualTo("plain");
        assertThat(CsvReport.guard(null)).isEmpty();
        String csv = CsvReport.items(ReportFixtures.standard(), ReportFixtures.items());
        assertThat(csv).contains(",'-1 | +44 | @home,").contains(",-1,-1,,,,false\r\n"); // token counts stay numbers
    }

    @Test
    void junitXmlReplacesCharactersXmlCannotHold() {
        assertThat(JUnitReport.clean("a\u0000b\u0007c\td\ud83d\ude00")).isEqualTo("a\ufffdb\ufffdc\td\ud83d\ude00");
    }
}
