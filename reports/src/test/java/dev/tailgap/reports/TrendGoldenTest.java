package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seals the trend renderers byte for byte against {@code src/test/resources/golden/trend.*}, under the default locale,
 * German and Turkish: the Markdown whole, the HTML page from its {@code <header>} on (the shared stylesheet above it
 * is the report's, sealed there); regenerate with {@code -Dtailgap.updateGoldens=true} and review the diff.
 */
class TrendGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("tailgap.updateGoldens");

    @SuppressWarnings("deprecation")
    @ParameterizedTest(name = "trend.{0}")
    @CsvSource({"md", "body.html"})
    void matchesGoldenFileInEveryLocale(String format) throws IOException {
        Function<Trend, String> renderer = format.equals("md") ? TrendMarkdown::render
                : t -> { String page = TrendHtml.render(t); return page.substring(page.indexOf("<header>")); };
        String rendered = renderer.apply(TrendFixtures.fourReleases());
        Locale saved = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.GERMANY, new Locale("tr", "TR"))) {
                Locale.setDefault(locale);
                assertEquals(rendered, renderer.apply(TrendFixtures.fourReleases()), "differs under " + locale);
            }
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(rendered).doesNotContain("\r").doesNotContain("\t").endsWith("\n");
        Path golden = GoldenFileTest.goldenDir().resolve("trend." + format);
        if (UPDATE) {
            Files.write(golden, rendered.getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertThat(golden).as("golden file missing; run with -Dtailgap.updateGoldens=true to create it").exists();
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered,
                "trend." + format + " changed; if intended, rerun with -Dtailgap.updateGoldens=true and review the diff");
    }

    @Test
    void hostileTextStaysTextInBothFormats() {
        Trend t = TrendFixtures.fourReleases();
        String md = TrendMarkdown.render(t);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        // the pipe inside the tag is escaped, so every row has the header's number of cells
        long cells = rows.get(0).replace("\\|", "").chars().filter(c -> c == '|').count();
        assertThat(rows).allSatisfy(r -> assertThat(r.replace("\\|", "").chars().filter(c -> c == '|').count())
                .isEqualTo(cells));
        assertThat(md).contains("`` note=<script>alert(1)</script> a\\|b `x` ``").doesNotContain("\u0007");
        String html = TrendHtml.render(t);
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("script-src 'none'").doesNotContain("\u0007");
    }

    @Test
    void aStepPerRunAfterTheFirst() {
        Trend t = TrendFixtures.fourReleases();
        assertThatThrownBy(() -> new Trend(t.tool(), t.title(), t.order(), t.runs(), t.steps().subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 steps for 4 runs");
        assertThat(t.steps()).extracting(Trend.Step::significant).containsExactly(false, true, false);
    }
}
