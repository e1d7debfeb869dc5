package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.reports.format.JsonReportFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and comparison format registries: names, aliases, lookups and the duplicate-name error. */
class ReportFormatsTest {
    @TempDir
    Path tmp;

    @Test
    void theBuiltInFormatsHaveOneSpellingEachAndMdIsMarkdown() {
        assertThat(ReportFormats.all()).extracting(ReportFormat::name)
                .containsExactly("csv", "html", "json", "junit", "markdown", "table");
        assertThat(ReportFormats.get("md").name()).isEqualTo("markdown");
        assertThat(ReportFormats.get("MD").name()).isEqualTo("markdown");
        assertThat(ComparisonFormats.get("md").name()).isEqualTo("markdown");
        assertThat(ComparisonFormats.forFile(Path.of("x.markdown"), "html").name()).isEqualTo("markdown");
        assertThat(ComparisonFormats.forFile(Path.of("x.JSON"), "html").name()).isEqualTo("json");
        assertThat(ComparisonFormats.forFile(Path.of("x.out"), "html").name()).isEqualTo("html");
        assertThatThrownBy(() -> ReportFormats.get("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'pdf'; known: csv, html, json, junit, markdown (md), table");
    }

    @Test
    void eachFormatWritesExactlyItsFilesAndThePrintedOnesMatchTheirRenderers() throws IOException {
        Report r = ReportFixtures.standard();
        ReportInput input = new ReportInput(r, ItemSource.of(ReportFixtures.items()), List.of());
        for (ReportFormat f : ReportFormats.all()) {
            Map<String, String> files = new LinkedHashMap<>();
            f.write(input, (file, content) -> {
                StringWriter w = new StringWriter();
                content.writeTo(w);
                assertThat(files.put(file, w.toString())).as(f.name() + " writes " + file + " once").isNull();
            });
            assertThat(files.keySet()).as(f.name()).containsExactlyElementsOf(f.files());
            if (f.printed()) {
                assertThat(f.files()).hasSize(1);
            }
        }
        StringWriter json = new StringWriter();
        new JsonReportFormat().write(input, (file, content) -> content.writeTo(json));
        assertThat(json.toString()).isEqualTo(JsonReport.render(r));
    }

    @Test
    void twoFormatsUnderOneSpellingAreRefusedNamingBothClasses() throws IOException {
        Path services = tmp.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ReportFormat.class.getName()), TwinJson.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> ReportFormats.all(loader)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("two report formats are named 'json': " + JsonReportFormat.class.getName() + " and "
                            + TwinJson.class.getName() + "; remove one from the class path");
        }
    }

    @Test
    void anAliasThatIsAnotherFormatsNameIsRefusedToo() throws IOException {
        Path services = tmp.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ReportFormat.class.getName()), HtmAlias.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> ReportFormats.all(loader)).hasMessageContaining("named 'html'")
                    .hasMessageContaining(HtmAlias.class.getName());
        }
    }

    /** A second format named json. */
    public static final class TwinJson implements ReportFormat {
        @Override
        public String name() {
            return "json";
        }

        @Override
        public String description() {
            return "a second json";
        }

        @Override
        public List<String> files() {
            return List.of("twin.json");
        }

        @Override
        public void write(ReportInput input, ReportSink sink) throws IOException {
            sink.write("twin.json", w -> w.write("{}"));
        }
    }

    /** A format whose alias is the html format's name. */
    public static final class HtmAlias implements ReportFormat {
        @Override
        public String name() {
            return "htm";
        }

        @Override
        public List<String> aliases() {
            return List.of("html");
        }

        @Override
        public String description() {
            return "claims html";
        }

        @Override
        public List<String> files() {
            return List.of("x.htm");
        }

        @Override
        public void write(ReportInput input, ReportSink sink) throws IOException {
            sink.write("x.htm", w -> w.write(""));
        }
    }
}
