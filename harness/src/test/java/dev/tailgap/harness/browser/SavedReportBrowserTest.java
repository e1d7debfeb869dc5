package dev.tailgap.harness.browser;

import dev.tailgap.reports.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code report.html} that tailgap wrote for a real run (a million-item run's, say), named by
 * {@code -Dtailgap.browser.page=RUN_DIR/report.html}, opened in headless Chromium from disk: the item browser shows
 * its first page without console errors, and the navigation timings go to {@code target/browser/timings.txt}
 * (recorded, never asserted). Skipped without the property.
 */
class SavedReportBrowserTest {
    private static final Path OUT = Path.of("target", "browser");

    @Test
    void aSavedReportOpensWithItsFirstPageOfItems() throws IOException {
        String name = System.getProperty("tailgap.browser.page");
        Assumptions.assumeTrue(name != null && !name.isBlank(), "no -Dtailgap.browser.page=RUN_DIR/report.html");
        Path page = Path.of(name).toAbsolutePath();
        assertThat(page).isRegularFile();
        Browser.assumeInstalled();
        try (Browser browser = Browser.start()) {
            long start = System.nanoTime();
            browser.open(page);
            long openMs = (System.nanoTime() - start) / 1_000_000;
            Number loadMs = (Number) browser.js("var e = performance.getEntriesByType('navigation')[0];"
                    + " return e.loadEventEnd - e.startTime;");
            Number readyMs = (Number) browser.js("var m = performance.getEntriesByName('tailgap-items-ready');"
                    + " return m.length ? m[0].startTime : -1;");
            assertThat(readyMs.doubleValue()).as("the item browser drew its first page").isPositive();
            assertThat(browser.driver.findElements(By.cssSelector("#samples-body tr"))).hasSizeBetween(1,
                    HtmlReport.PAGE_SIZE);
            assertThat(browser.consoleErrors()).isEmpty();
            Files.createDirectories(OUT);
            String line = String.format(Locale.ROOT, "saved page=%s html_bytes=%d load_event_ms=%.0f "
                            + "items_ready_ms=%.0f open_ms=%d (WebDriver's get, to the load event)%n", page,
                    Files.size(page), loadMs.doubleValue(), readyMs.doubleValue(), openMs);
            Files.writeString(OUT.resolve("timings.txt"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.print("browser timings: " + line);
        }
    }
}
