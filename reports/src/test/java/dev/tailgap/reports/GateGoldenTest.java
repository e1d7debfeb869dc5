package dev.tailgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Seals the gate renderers byte for byte against {@code src/test/resources/golden/gate-*}, under the default locale,
 * German and Turkish; regenerate with {@code -Dtailgap.updateGoldens=true} and review the diff.
 */
class GateGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("tailgap.updateGoldens");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<Object[]> reports = List.of(
                new Object[] {"gate-failing", (Supplier<GateReport>) GateFixtures::failing},
                new Object[] {"gate-odd", (Supplier<GateReport>) GateFixtures::passingWithOddNames});
        List<Object[]> formats = List.of(
                new Object[] {"txt", (Function<GateReport, String>) GateTerminal::render},
                new Object[] {"md", (Function<GateReport, String>) GateMarkdown::render},
                new Object[] {"xml", (Function<GateReport, String>) GateJUnit::render});
        for (Object[] r : reports) {
            for (Object[] f : formats) {
                out.add(Arguments.of(r[0] + "." + f[0], r[1], f[1]));
            }
        }
        return out.stream();
    }

    @SuppressWarnings("deprecation")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFileInEveryLocale(String file, Supplier<GateReport> fixture,
                                        Function<GateReport, String> renderer) throws IOException {
        String rendered = renderer.apply(fixture.get());
        Locale saved = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.GERMANY, new Locale("tr", "TR"))) {
                Locale.setDefault(locale);
                assertEquals(rendered, renderer.apply(fixture.get()), "output differs under locale " + locale);
            }
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(rendered).doesNotContain("\r").doesNotContain("\t").endsWith("\n");
        Path golden = GoldenFileTest.goldenDir().resolve(file);
        if (UPDATE) {
            Files.write(golden, rendered.getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertThat(golden).as("golden file missing; run with -Dtailgap.updateGoldens=true to create it").exists();
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered,
                file + " changed; if intended, rerun with -Dtailgap.updateGoldens=true and review the diff");
    }

    @Test
    void junitXmlParsesWithOneTestCasePerRuleAndAFailurePerFailedRule() throws Exception {
        GateReport g = GateFixtures.failing();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(GateJUnit.render(g).getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("7");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(7);
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            GateResult r = g.results().get(i);
            assertThat(c.getAttribute("name")).isEqualTo(r.rule());
            NodeList failures = c.getElementsByTagName("failure");
            assertThat(failures.getLength()).isEqualTo(r.passed() ? 0 : 1);
            if (!r.passed()) {
                assertThat(((Element) failures.item(0)).getAttribute("message")).isEqualTo(r.summary());
            }
        }
        Document odd = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                GateJUnit.render(GateFixtures.passingWithOddNames()).getBytes(StandardCharsets.UTF_8)));
        assertThat(odd.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void summariesStateTheNumbersIntervalsAndReason() {
        List<GateResult> r = GateFixtures.failing().results();
        assertThat(r.get(1).summary()).isEqualTo(
                "tail (1e3-1e4): accuracy 0.113 [0.060, 0.201], n = 80; lower bound 0.060 is not >= 0.1");
        assertThat(r.get(2).summary()).isEqualTo("tail (1e3-1e4): accuracy drop 0.138 [0.046, 0.226] over 80 "
                + "paired items (15 worse, 4 better), one-sided score test of drop > 0.02: p = 0.0096 (Holm-adjusted "
                + "0.019), power 0.87 at a true change of 0.12; 0.138 shown above 0.02 at alpha 0.05");
        assertThat(r.get(3).verdict()).isEqualTo("0.025 is not <= 0.02, but not shown above it at alpha 0.05");
        assertThat(r.get(5).summary()).isEqualTo("buckets (smallest: 1e7+): scored items 10; 10 is not >= 100");
        assertThat(GateFixtures.failing().verdict()).isEqualTo("gate FAILED: 3 of 7 rules failed");
        assertThat(GateFixtures.passingWithOddNames().results().get(1).summary())
                .startsWith("slope: accuracy per decade undefined; needs three");
    }
}
