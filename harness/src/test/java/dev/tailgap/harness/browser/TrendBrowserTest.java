package dev.tailgap.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tailgap.harness.Version;
import dev.tailgap.harness.history.SeriesRuns;
import dev.tailgap.harness.history.TagMatch;
import dev.tailgap.harness.history.TrendBuilder;
import dev.tailgap.harness.history.TrendRuns;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.reports.Trend;
import dev.tailgap.reports.TrendHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The trend page in a real headless Chromium, over three tagged runs of the synthetic model (the last knows rare
 * cities less well): every chart point sits where the run's figure says and carries it, the significant change is
 * marked, no console error, and a tag holding markup is shown as text and never runs. Skipped without Chromium.
 */
class TrendBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static final String HOSTILE = "<script>window.__pwned='tag'; document.title='pwned'</script>"
            + "<img src=x onerror=\"window.__pwned='img'\">";
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
    void pointsEqualTheRunsFiguresAndTheDropIsMarked() throws IOException {
        Path runs = tmp.resolve("runs");
        SeriesRuns.run(runs, "a", SimParams.DEFAULTS, 80, Map.of("series", "web", "release", "1", "who", HOSTILE));
        SeriesRuns.run(runs, "b", SimParams.DEFAULTS, 80, Map.of("series", "web", "release", "2"));
        SeriesRuns.run(runs, "c", new SimParams(5.5, 1.5, 0.0, 0.95, 0.6, 7, 0), 80,
                Map.of("series", "web", "release", "3"));
        TrendRuns selected = TrendRuns.select(List.of(), List.of(TagMatch.parse("series=web", "--tag")), runs,
                "release", false);
        Trend trend = TrendBuilder.build("series=web", selected.order(), selected.runs(), "release", Version.tool());
        Path page = tmp.resolve("trend.html");
        Files.writeString(page, TrendHtml.render(trend));
        browser.open(page);

        for (String chart : List.of("chart-accuracy", "chart-gap")) {
            WebElement svg = browser.driver.findElement(By.id(chart));
            double min = Double.parseDouble(svg.getAttribute("data-min"));
            double max = Double.parseDouble(svg.getAttribute("data-max"));
            double top = Double.parseDouble(svg.getAttribute("data-top"));
            double bottom = Double.parseDouble(svg.getAttribute("data-bottom"));
            List<WebElement> points = svg.findElements(By.cssSelector("g.point"));
            assertThat(points).hasSize(chart.equals("chart-gap") ? 3 : 9);
            for (WebElement g : points) {
                Trend.Metric m = Trend.Metric.valueOf(g.getAttribute("data-series").toUpperCase(java.util.Locale.ROOT));
                double figure = trend.runs().get(Integer.parseInt(g.getAttribute("data-run"))).value(m).value();
                assertThat(Double.parseDouble(g.getAttribute("data-value"))).isCloseTo(figure, within(5e-7));
                double cy = Double.parseDouble(g.findElement(By.cssSelector("circle.pt")).getAttribute("cy"));
                assertThat(min + (bottom - cy) / (bottom - top) * (max - min)).isCloseTo(figure, within(0.002));
            }
        }
        Trend.Step last = trend.steps().get(1);
        assertThat(trend.steps().get(0).significant()).isFalse();
        assertThat(last.change(Trend.Metric.TAIL).significant()).isTrue();
        long marked = trend.steps().stream().flatMap(s -> s.changes().stream()).filter(Trend.Change::significant)
                .count();
        assertThat(browser.driver.findElements(By.cssSelector("svg text.change"))).hasSize((int) marked);
        assertThat(browser.driver.findElements(By.cssSelector("g.point[data-series=tail][data-run='2'] text.change")))
                .singleElement().satisfies(t -> assertThat(t.getText()).isEqualTo("\u25bc"));
        assertThat(browser.driver.findElements(By.cssSelector("#changes li[data-metric=tail]"))).hasSize(1);

        assertThat(browser.driver.findElement(By.cssSelector("#runs tr[data-run='0'] td.tags")).getText())
                .contains("who=" + HOSTILE);
        assertThat(browser.js("return window.__pwned === undefined;")).isEqualTo(true);
        assertThat(browser.driver.getTitle()).isEqualTo("tailgap trend: series=web");
        browser.screenshot(OUT.resolve("trend.png"));
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
