package dev.tailgap.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.compare.RunComparer;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.Comparison;
import dev.tailgap.reports.ComparisonHtml;
import dev.tailgap.reports.ComparisonMarkdown;
import dev.tailgap.reports.Estimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The comparison page of two real runs in headless Chromium: it leads with the paired changes and their intervals. */
class ComparisonBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static Browser browser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBrowser() throws IOException {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theComparisonLeadsWithOverallHeadTailAndGapChangesAndItsMarkdownSaysHowManyAreShown() throws Exception {
        Dataset dataset = DatasetFiles.load("world-cities", false);
        List<Path> dirs = new ArrayList<>();
        for (SimParams params : List.of(SimParams.DEFAULTS, new SimParams(4.0, 1.5, 0.2, 0.95, 0.6, 7, 0))) {
            try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(dataset), params), 0, 16)) {
                Path out = tmp.resolve("cmp" + dirs.size());
                RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                        .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic"))
                        .execution(e -> e.withConcurrency(8)).out(out).build();
                assertThat(new RunEngine(tmp, Progress.NONE, k -> null).run(spec).exitCode()).isEqualTo(ExitCode.OK);
                dirs.add(out);
            }
        }
        Comparison c = RunComparer.compare(dirs, "tailgap test");
        Path page = tmp.resolve("comparison.html");
        Files.writeString(page, ComparisonHtml.render(c), StandardCharsets.UTF_8);
        browser.open(page);
        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#headline .cards.changes .card"));
        assertThat(cards).hasSize(4);
        Comparison.PairedComparison p = c.pairs().get(0);
        Estimate[] expected = {p.overall().difference(), p.gap().headChange(), p.gap().tailChange(), p.gap().change()};
        String[] labels = {"Overall accuracy", "Head accuracy (" + p.gap().head() + ")",
            "Tail accuracy (" + p.gap().tail() + ")", "Gap (head \u2212 tail)"};
        for (int i = 0; i < 4; i++) {
            WebElement card = cards.get(i);
            assertThat(card.findElement(By.cssSelector(".label")).getText()).isEqualTo(labels[i]);
            assertThat(card.findElement(By.cssSelector(".value")).getText()).isEqualTo(signed(expected[i].value())
                    + " pts");
            assertThat(card.findElement(By.cssSelector(".detail")).getText()).startsWith("95% CI "
                    + signed(expected[i].lower()) + " to " + signed(expected[i].upper()));
        }
        String firstSection = (String) browser.js("return document.querySelector('main section').id;");
        assertThat(firstSection).isEqualTo("headline");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot(OUT.resolve("comparison.png"));

        int total = c.disagreements().total();
        assertThat(total).isGreaterThan(ComparisonMarkdown.EXAMPLES);
        assertThat(ComparisonMarkdown.render(c)).contains(ComparisonMarkdown.EXAMPLES + " of "
                + String.format(Locale.US, "%,d", total) + " shown");
    }

    private static String signed(double v) {
        String s = String.format(Locale.ROOT, "%.1f", 100 * v);
        return s.equals("-0.0") ? "0.0" : v > 0 && !s.equals("0.0") ? "+" + s : s;
    }
}
