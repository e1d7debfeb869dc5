package dev.tailgap.reports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seals each output format byte for byte against {@code src/test/resources/golden/}, rendering under the build's
 * default locale, German and Turkish. To regenerate the files after an intended change, run
 * {@code mvn -pl reports test -Dtailgap.updateGoldens=true} and review the diff.
 */
class GoldenFileTest {
    private static final boolean UPDATE = Boolean.getBoolean("tailgap.updateGoldens");

    @SuppressWarnings("deprecation") // new Locale(...) is the form that works on every Java release we support
    private static final List<Locale> LOCALES = List.of(Locale.GERMANY, new Locale("tr", "TR"));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<Object[]> reports = List.of(
                new Object[] {"standard", (Supplier<Report>) ReportFixtures::standard},
                new Object[] {"edge", (Supplier<Report>) ReportFixtures::edge});
        List<Object[]> formats = List.of(
                new Object[] {"json", (Function<Report, String>) JsonReport::render},
                new Object[] {"md", (Function<Report, String>) MarkdownReport::render},
                new Object[] {"txt", (Function<Report, String>) TerminalTable::render},
                new Object[] {"html", (Function<Report, String>) r -> HtmlReport.render(r, ItemSource.of(ReportFixtures.items()))},
                new Object[] {"buckets.csv", (Function<Report, String>) CsvReport::buckets},
                new Object[] {"items.csv", (Function<Report, String>) r -> CsvReport.items(r, ReportFixtures.items())},
                new Object[] {"junit.xml", (Function<Report, String>) JUnitReport::render});
        for (Object[] r : reports) {
            for (Object[] f : formats) {
                out.add(Arguments.of(r[0] + "." + f[0], r[1], f[1]));
            }
        }
        out.add(Arguments.of("standard.gates.junit.xml", (Supplier<Report>) ReportFixtures::standard,
                (Function<Report, String>) r -> JUnitReport.render(r, ReportFixtures.gates())));
        out.add(Arguments.of("metadata.json", (Supplier<Report>) ReportFixtures::withMetadata,
                (Function<Report, String>) JsonReport::render));
        out.add(Arguments.of("metadata.md", (Supplier<Report>) ReportFixtures::withMetadata,
                (Function<Report, String>) MarkdownReport::render));
        Supplier<Report> none = () -> null;
        out.add(Arguments.of("comparison.json", none,
                (Function<Report, String>) r -> ComparisonJson.render(ReportFixtures.comparison())));
        out.add(Arguments.of("comparison.md", none,
                (Function<Report, String>) r -> ComparisonMarkdown.render(ReportFixtures.comparison())));
        out.add(Arguments.of("comparison.html", none,
                (Function<Report, String>) r -> ComparisonHtml.render(ReportFixtures.comparison())));
        return out.stream();
    }

    static Path goldenDir() {
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            return Path.of(basedir, "src", "test", "resources", "golden");
        }
        Path here = Path.of("src", "test", "resources", "golden");
        return Files.isDirectory(here) ? here : Path.of("reports", "src", "test", "resources", "golden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFileInEveryLocale(String file, Supplier<Report> fixture, Function<Report, String> renderer)
            throws IOException {
        String rendered = renderer.apply(fixture.get());
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            for (Locale locale : LOCALES) {
                Locale.setDefault(locale);
                assertEquals(rendered, renderer.apply(fixture.get()), "output differs under locale " + locale);
            }
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
        if (file.endsWith(".csv")) {
            assertThat(rendered).as("CSV records end in CRLF").endsWith("\r\n").startsWith(file.contains("items")
                    ? String.join(",", CsvReport.ITEM_COLUMNS) + "\r\n" : String.join(",", CsvReport.BUCKET_COLUMNS) + "\r\n");
        } else {
            assertThat(rendered).doesNotContain("\r").doesNotContain("\t");
        }
        assertThat(rendered).endsWith("\n");
        if (file.endsWith(".txt")) {
            assertThat(rendered.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n'))
                    .as("terminal output is printable ASCII").isTrue();
            assertThat(rendered.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(100);
        }

        Path golden = goldenDir().resolve(file);
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, bytes);
            return;
        }
        assertThat(golden).as("golden file missing; run with -Dtailgap.updateGoldens=true to create it").exists();
        byte[] expected = Files.readAllBytes(golden);
        if (!java.util.Arrays.equals(expected, bytes)) {
            assertEquals(new String(expected, StandardCharsets.UTF_8), rendered,
                    file + " changed; if intended, rerun with -Dtailgap.updateGoldens=true and review the diff");
        }
    }
}
