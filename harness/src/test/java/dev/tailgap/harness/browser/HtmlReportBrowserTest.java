package dev.tailgap.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.engine.RunSpecFile;
import dev.tailgap.harness.engine.Rescorer;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.ScoringOptions;
import dev.tailgap.harness.sim.SimJudge;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import dev.tailgap.reports.BucketStats;
import dev.tailgap.reports.DatasetRef;
import dev.tailgap.reports.HtmlReport;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemSource;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML reports in a real headless Chromium: charts drawn with the right number of marks, the item browser's
 * filters, search and pager, no console error, and untrusted model output that never executes. Screenshots go to
 * {@code target/browser/}. Skipped when Chromium or chromedriver is not installed.
 *
 * <p>{@code -Dtailgap.browser.items=100000} sets the size of the large synthetic run (default 3,000); its generation
 * and load times are written to {@code target/browser/timings.txt} (recorded, never asserted).
 */
class HtmlReportBrowserTest {
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

    private static int count(String css) {
        return browser.driver.findElements(By.cssSelector(css)).size();
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#samples-body tr"));
    }

    /** Waits until the status line of the item browser contains {@code fragment} (the search is debounced). */
    private static void awaitStatus(String fragment) {
        new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("samples-status")).getText().contains(fragment));
    }

    @Test
    void theDemoRunsReportShowsHeadlineChartsAndItemsWithoutConsoleErrors() throws Exception {
        Dataset dataset = DatasetFiles.load("world-cities", false);
        RunResult run;
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(dataset), SimParams.DEFAULTS), 0, 16)) {
            RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                    .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic")).execution(e -> e.withConcurrency(8)).out(tmp.resolve("demo"))
                    .build();
            run = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
        }
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        Report report = run.report();
        browser.open(run.dir().resolve(RunDirectory.REPORT_HTML));

        assertThat(text("#headline .lede")).startsWith("Tail accuracy").contains("a gap of").contains("95% CI");
        assertThat(count("#headline .card")).isEqualTo(5);
        assertThat(report.points()).isNotEmpty();
        assertThat(count("svg#chart-frequency circle.pt")).isEqualTo(report.points().size() + 1); // + legend dot
        assertThat(count("svg#chart-frequency g.point")).isEqualTo(report.points().size());
        assertThat(count("svg#chart-frequency line.fit")).isEqualTo(2); // the fit and its legend sample
        assertThat(count("svg#chart-outcomes g.bar")).isEqualTo(report.buckets().size());
        long filled = report.buckets().stream().filter(b -> b.n() > 0).count();
        assertThat(count("svg#chart-outcomes g.bar rect.seg")).isEqualTo((int) (3 * filled));
        assertThat(count("#relations")).isZero(); // one relation: nothing to break down

        int total = report.overall().asked();
        assertThat(rows()).hasSize(HtmlReport.PAGE_SIZE);
        assertThat(text("#samples-status")).isEqualTo("Showing 1\u201350 of " + String.format(Locale.US, "%,d", total)
                + " items");
        BucketStats tail = report.bucket(report.gap().tail());
        new Select(browser.driver.findElement(By.id("f-bucket"))).selectByVisibleText(
                tail.name() + " (" + tail.asked() + ")");
        awaitStatus("of " + tail.asked() + " matching");
        assertThat(rows()).allSatisfy(r -> assertThat(r.getAttribute("data-bucket")).isEqualTo(tail.name()));
        new Select(browser.driver.findElement(By.id("f-outcome"))).selectByValue(
                Integer.toString(Outcome.HALLUCINATED.ordinal()));
        awaitStatus("of " + tail.hallucinated() + " matching");
        assertThat(rows()).allSatisfy(r -> assertThat(r.getAttribute("data-outcome")).isEqualTo("HALLUCINATED"));
        browser.driver.findElement(By.id("page-next")).click();
        assertThat(text("#samples-status")).startsWith("Showing 51\u2013");

        new Select(browser.driver.findElement(By.id("f-bucket"))).selectByIndex(0);
        new Select(browser.driver.findElement(By.id("f-outcome"))).selectByIndex(0);
        browser.driver.findElement(By.id("f-search")).sendKeys("Shanghai");
        awaitStatus("of 1 matching");
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.getText()).contains("Shanghai", "China"));

        reportElements(report);
        browser.screenshot(OUT.resolve("demo-report.png"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Small buckets marked in the chart, signed gap cards, bucket names as typed and the settings as a table. */
    private static void reportElements(Report report) {
        List<BucketStats> small = report.buckets().stream().filter(BucketStats::small).toList();
        assertThat(small).as("the demo has a bucket under the minimum size").isNotEmpty();
        List<WebElement> smallBars = browser.driver.findElements(By.cssSelector("svg#chart-outcomes g.bar.small"));
        assertThat(smallBars).hasSize(small.size());
        for (int i = 0; i < small.size(); i++) {
            WebElement bar = smallBars.get(i);
            BucketStats b = small.get(i);
            assertThat(bar.getAttribute("data-n")).isEqualTo(Integer.toString(b.n()));
            assertThat(bar.findElements(By.cssSelector("rect.hatch"))).hasSize(1);
            assertThat(bar.findElement(By.cssSelector("text.row-label")).getText()).isEqualTo(b.name() + " \u2020");
            assertThat(bar.getText()).contains("n " + b.n() + ", too few");
            Number opacity = (Number) browser.js("return parseFloat(getComputedStyle(arguments[0]).opacity);",
                    bar.findElement(By.cssSelector("rect.seg")));
            assertThat(opacity.doubleValue()).as("a small bar is faded").isLessThan(0.6);
        }
        assertThat(count("svg#chart-outcomes g.bar:not(.small) rect.hatch")).isZero();

        List<String> values = browser.driver.findElements(By.cssSelector("#headline .card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".label")).getText().toLowerCase(Locale.ROOT).contains("gap"))
                .map(c -> c.findElement(By.cssSelector(".value")).getText()).toList();
        assertThat(values).hasSize(2).allSatisfy(v -> assertThat(v).matches("[+-]\\d+\\.\\d pts"));
        assertThat(values.get(0)).isEqualTo("+" + String.format(Locale.ROOT, "%.1f", 100 * report.gap().accuracy()
                .value()) + " pts");

        assertThat(browser.js("return Array.from(document.querySelectorAll('th, td, .row-label, .card .label'))"
                + ".filter(e => getComputedStyle(e).textTransform !== 'none').length;")).isEqualTo(0L);
        List<String> firstCells = browser.driver.findElements(By.cssSelector("#buckets tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
        for (BucketStats b : report.buckets()) {
            assertThat(firstCells).contains(b.name() + (b.small() ? " \u2020" : ""));
        }

        assertThat(text("#run")).doesNotContain("{\"");
        browser.driver.findElement(By.cssSelector("#run details summary")).click();
        List<WebElement> settings = browser.driver.findElements(By.cssSelector("#run table.settings tbody tr"));
        List<String> names = settings.stream().map(r -> r.findElement(By.cssSelector("td code")).getText()).toList();
        assertThat(names).contains("model", "generation.temperature", "generation.maxTokens", "sampling.seed",
                "prompt.template").isSorted();
        assertThat(settings.get(names.indexOf("model")).findElements(By.tagName("td")).get(1).getText())
                .isEqualTo(report.run().model());
        assertThat(text("#run")).contains("temperature 0.0");

        assertThat(report.metadata()).as("a live run carries its metadata").isNotNull();
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#run-metadata table.metadata tbody tr"))) {
            meta.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.tagName("td")).getText());
        }
        assertThat(meta).containsKeys("started", "ended", "duration", "tool", "requests", "answers", "tokens",
                "latency");
        assertThat(meta.get("requests")).startsWith(String.format(Locale.US, "%,d", report.metadata().requests()));
        assertThat(meta.get("answers")).startsWith(String.format(Locale.US, "%,d from the endpoint",
                report.metadata().totals().live()));
        assertThat(meta.get("latency")).matches("p50 .+ ms, p95 .+ ms, p99 .+ ms.*");
    }

    @Test
    void aJudgedRunShowsTheScorerTheVerdictAndReasonPerItemAndTheAgreementTable() throws Exception {
        Dataset dataset = DatasetFiles.load("world-cities", false);
        RunResult judged;
        try (SimServer server = SimServer.start(SimModel.of(DatasetFiles.items(dataset), SimParams.DEFAULTS), 0, 16)
                .withJudge(SimJudge.of(DatasetFiles.items(dataset), 0.9, 3))) {
            RunSpec spec = RunSpec.builder().dataset("world-cities").model("openai:" + SimServer.MODEL_ID)
                    .target(t -> t.withBaseUrl(server.baseUrl()).withEndpointLabel("synthetic")).execution(e -> e.withConcurrency(8)).sampling(s -> s.withLimit(300))
                    .out(tmp.resolve("src")).build();
            RunResult source = new RunEngine(tmp, Progress.NONE, k -> null).run(spec);
            RunSpec rescoring = RunSpecFile.read(source.dir()).toBuilder().scoring(s -> s.withScorer("judge").withOptions(new ScoringOptions(HedgePolicy.ANSWER, Map.of(), "openai:sim-judge", server.baseUrl(),
                            null, null))).build();
            judged = new Rescorer(k -> null, null).rescore(source.dir(), rescoring, null, tmp.resolve("judged"));
        }
        browser.open(judged.dir().resolve(RunDirectory.REPORT_HTML));
        assertThat(text("#run")).contains("judge(openai:sim-judge/template:");
        assertThat(count("#agreement tbody tr")).isEqualTo(judged.report().buckets().size() + 1);
        assertThat(text("#agreement").toLowerCase(Locale.ROOT)).contains("judge vs rule", "cohen's kappa", "all");
        List<WebElement> why = browser.driver.findElements(By.cssSelector("#samples-body td.why"));
        assertThat(why).hasSize(HtmlReport.PAGE_SIZE);
        assertThat(why).anySatisfy(td -> assertThat(td.getText()).startsWith("judge: correct the prediction names"));
        assertThat(why).anySatisfy(td -> assertThat(td.getText()).startsWith("judge: incorrect the prediction is not"));
        assertThat(why).anySatisfy(td -> assertThat(td.getText()).startsWith("refusal: "));
        assertThat(count("#samples-body td.why span.verdict")).isGreaterThan(0);
        browser.screenshot(OUT.resolve("judged-report.png"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    static final String[] PAYLOADS = {
        "<script>window.__pwned = 'script'; document.title = 'pwned';</script>",
        "<img src=x onerror=\"window.__pwned='img'; document.title='pwned'\">",
        "</script><script>window.__pwned='close'; document.title='pwned'</script>",
        "<a href=\"javascript:window.__pwned='link'\" id=\"evil-link\">click me</a>",
        "\"><svg onload=\"window.__pwned='svg'; document.title='pwned'\">",
        "'--><script>window.__pwned='comment'</script><!--",
        "\u2028</script ><script>window.__pwned='ls'</script>",
    };

    @Test
    void untrustedTextNeverExecutesAndIsShownLiterally() throws IOException {
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.length; i++) {
            String p = PAYLOADS[i];
            items.add(new ItemResult("xss:" + i + p, "Question " + i + " " + p, List.of("gold " + p, "alias"),
                    "concept " + p, "relation " + (i % 2) + p, Math.pow(10, i % 5), "b" + (i % 5),
                    "answer " + i + ": " + p, p, i % 3 == 0 ? Outcome.CORRECT : Outcome.HALLUCINATED, null, 5, 1, 1));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", "evil:" + PAYLOADS[0]);
        run.put("endpoint", PAYLOADS[1]);
        run.put("prompt", Map.of("template", "Q: {question} " + PAYLOADS[2], "sha256", PAYLOADS[3]));
        Report report = report(items, run, new DatasetRef("data" + PAYLOADS[4], PAYLOADS[2], "abc", items.size(),
                PAYLOADS[1], PAYLOADS[0]));
        String html = HtmlReport.render(report, ItemSource.of(items));
        Path withCsp = tmp.resolve("xss.html");
        Files.writeString(withCsp, html, StandardCharsets.UTF_8);
        // the escaping alone must hold: the same page without its Content-Security-Policy
        Path withoutCsp = tmp.resolve("xss-no-csp.html");
        Files.writeString(withoutCsp, html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", ""),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(withoutCsp)).doesNotContain("Content-Security-Policy");

        for (Path page : List.of(withoutCsp, withCsp)) {
            browser.open(page);
            assertThat(browser.js("return window.__pwned === undefined;")).as(page.toString()).isEqualTo(true);
            assertThat(browser.driver.getTitle()).isEqualTo("tailgap: evil:" + PAYLOADS[0] + " on data" + PAYLOADS[4]
                    + "@" + PAYLOADS[2]);
            assertThat(rows()).hasSize(items.size());
            String table = text("#samples-table");
            for (String p : PAYLOADS) {
                assertThat(table).contains("answer").contains(p.strip().substring(0, 12));
            }
            assertThat(count("#samples-body img, #samples-body script, #samples-body svg, #samples-body a")).isZero();
            assertThat(count("a[href^='javascript']")).isZero();
            assertThat(count("img")).isZero();
            assertThat(count("script")).isEqualTo(2); // the data island and the page's own script
            // every cell's text is exactly what was stored
            List<WebElement> answers = browser.driver.findElements(By.cssSelector("#samples-body td.answer div"));
            List<String> shown = answers.stream().map(e -> e.getAttribute("textContent")).toList();
            assertThat(shown).containsExactlyInAnyOrderElementsOf(items.stream().map(ItemResult::rawAnswer).toList());
            assertThat(text("h1")).contains("evil:<script>window.__pwned");
            assertThat(text("#run")).contains(PAYLOADS[1]);

            browser.driver.findElement(By.id("f-search")).sendKeys("<svg onload");
            awaitStatus("of 1 matching");
            assertThat(browser.js("return window.__pwned === undefined;")).isEqualTo(true);
            browser.driver.findElement(By.id("f-search")).clear();
            assertThat(browser.consoleErrors()).as(page.toString()).isEmpty();
        }
        browser.screenshot(OUT.resolve("xss-report.png"));
    }

    @Test
    void aLargeRunStaysResponsive() throws IOException {
        int n = Integer.getInteger("tailgap.browser.items", 3000);
        ItemSource items = SyntheticItems.bucketed(SyntheticItems.synthetic(n, 11));
        Report report = SyntheticItems.streamedReport(items, new DatasetRef("large", "1", "00", n, "synthetic", null));
        Path page = tmp.resolve("large.html");
        long start = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlReport.write(report, items, List.of(), w);
        }
        long renderMs = (System.nanoTime() - start) / 1_000_000;
        browser.open(page);
        Number loadMs = (Number) browser.js("var e = performance.getEntriesByType('navigation')[0];"
                + " return e.loadEventEnd - e.startTime;");
        Number readyMs = (Number) browser.js("var m = performance.getEntriesByName('tailgap-items-ready');"
                + " return m.length ? m[0].startTime : -1;");
        int shown = Math.min(n, HtmlReport.MAX_ITEMS);
        assertThat(rows()).hasSize(Math.min(shown, HtmlReport.PAGE_SIZE));
        assertThat(text("#samples-status")).endsWith("of " + String.format(Locale.US, "%,d", shown) + " items");
        assertThat(count("svg#chart-frequency g.point")).isEqualTo(report.points().size());
        assertThat(count("#relations svg g.bar")).isEqualTo(report.relations().size());

        long searchStart = System.nanoTime();
        browser.driver.findElement(By.id("f-search")).sendKeys("needle");
        long expected = n <= HtmlReport.MAX_ITEMS ? SyntheticItems.countNeedles(items) : -1;
        if (expected < 0) {
            expected = ((Number) browser.js("return JSON.parse(document.getElementById('tailgap-items').textContent)"
                    + ".items.filter(it => it[1].indexOf('needle') >= 0).length;")).longValue();
        }
        awaitStatus("of " + String.format(Locale.US, "%,d", expected) + " matching");
        assertThat(expected).isPositive();
        long searchMs = (System.nanoTime() - searchStart) / 1_000_000;
        assertThat(browser.consoleErrors()).isEmpty();

        Files.createDirectories(OUT);
        String line = String.format(Locale.ROOT, "items=%d html_bytes=%d render_ms=%d load_event_ms=%.0f "
                        + "items_ready_ms=%.0f search_ms=%d (includes the 120 ms debounce and WebDriver round trips)%n",
                n, Files.size(page), renderMs, loadMs.doubleValue(), readyMs.doubleValue(), searchMs);
        Files.writeString(OUT.resolve("timings.txt"), line, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.print("browser timings: " + line);
    }

    @Test
    void aRunLargerThanTheBoundEmbedsAStratifiedSampleAndSaysSo() throws IOException {
        int n = Integer.getInteger("tailgap.browser.sampled", HtmlReport.MAX_ITEMS + 2_000);
        ItemSource items = SyntheticItems.bucketed(SyntheticItems.synthetic(n, 5));
        Report report = SyntheticItems.streamedReport(items, new DatasetRef("sampled", "1", "00", n, "synthetic", null));
        Path page = tmp.resolve("sampled.html");
        long start = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            HtmlReport.write(report, items, List.of(), w);
        }
        long renderMs = (System.nanoTime() - start) / 1_000_000;
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            browser.open(page);
            Number readyMs = (Number) browser.js("var m = performance.getEntriesByName('tailgap-items-ready');"
                    + " return m.length ? m[0].startTime : -1;");
            String shown = String.format(Locale.US, "%,d of %,d items shown", HtmlReport.MAX_ITEMS, n);
            assertThat(text("#samples-sampled")).startsWith(shown);
            assertThat(text("#samples-status")).isEqualTo(String.format(Locale.US, "Showing 1\u201350 of %,d items",
                    HtmlReport.MAX_ITEMS));
            assertThat(rows()).hasSize(HtmlReport.PAGE_SIZE);
            assertThat(browser.js("var e = document.querySelector('#relations .scroll');"
                    + " return e.scrollWidth <= e.clientWidth;")).as("no sideways scroll at 1,400 px").isEqualTo(true);
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            List<String> headers = browser.driver.findElements(By.cssSelector("#relations thead th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(headers).contains("A " + report.buckets().get(0).name());
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot(OUT.resolve("sampled-report.png"));
            Files.createDirectories(OUT);
            String line = String.format(Locale.ROOT, "sampled items=%d html_bytes=%d render_ms=%d items_ready_ms=%.0f%n",
                    n, Files.size(page), renderMs, readyMs.doubleValue());
            Files.writeString(OUT.resolve("timings.txt"), line, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            System.out.print("browser timings: " + line);
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** A report over {@code items} bucketed by log10 decade, aggregated the way a run aggregates. */
    static Report report(List<ItemResult> items, Map<String, Object> run, DatasetRef dataset) {
        double[] freqs = items.stream().mapToDouble(ItemResult::frequency).toArray();
        Bucketing bucketing = BucketScheme.parse("log10").apply(freqs);
        Aggregator agg = new Aggregator(bucketing);
        List<ItemResult> placed = new ArrayList<>();
        for (ItemResult r : items) {
            String bucket = bucketing.buckets().get(bucketing.assign(r.frequency())).name();
            ItemResult p = new ItemResult(r.id(), r.question(), r.answers(), r.concept(), r.relation(), r.frequency(),
                    bucket, r.rawAnswer(), r.extracted(), r.outcome(), r.error(), r.latencyMs(), r.promptTokens(),
                    r.completionTokens());
            agg.add(p);
            placed.add(p);
        }
        items.clear();
        items.addAll(placed);
        return agg.report("tailgap test", dataset, run, 30);
    }
}
