package dev.tailgap.reports;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.tailgap.reports.Phrases.Style;

/**
 * A {@link Report} as JUnit XML (the Ant/Surefire format CI systems read): a {@code <testsuites>} root holding a
 * suite {@code tailgap.buckets} with one test case per bucket, head to tail, and, when gate results are given, a suite
 * {@code tailgap.gates} with one test case per gate rule.
 *
 * <p>A bucket test case never fails: its metrics are attached as {@code <properties>} (n, correct, hallucinated,
 * abstained, errors, accuracy, hallucination, abstention, precision and interval bounds as proportions with six
 * decimals; an undefined rate is an empty value) and as a readable {@code <system-out>} line. The bucket suite's
 * properties name the model, dataset, sha256, bucketing, tool and the head-versus-tail gap. A gate test case fails
 * ({@code <failure type="gate">} with the gate's message) exactly when the gate did not pass, so a CI dashboard shows
 * failures only when a gate failed. Times are written as 0, so the output is deterministic. Characters XML 1.0 cannot
 * hold are replaced by U+FFFD.
 */
public final class JUnitReport {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private JUnitReport() {
    }

    /** The report without gate results. */
    public static String render(Report r) {
        return render(r, List.of());
    }

    /** The report, with a test case for each gate result. */
    public static String render(Report r, List<GateResult> gates) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            int failures = (int) gates.stream().filter(g -> !g.passed()).count();
            nl(x, 0);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "tailgap");
            x.writeAttribute("tests", Integer.toString(r.buckets().size() + gates.size()));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", "0");

            String dataset = Phrases.datasetId(r.dataset());
            String classname = "tailgap." + dataset;
            nl(x, 1);
            suite(x, "tailgap.buckets", r.buckets().size(), 0);
            nl(x, 2);
            x.writeStartElement("properties");
            Map<String, String> props = new TreeMap<>();
            props.put("model", r.run().model());
            props.put("dataset", dataset);
            props.put("dataset.sha256", r.dataset() == null ? null : r.dataset().sha256());
            props.put("bucketing", r.bucketing());
            props.put("tool", r.tool());
            props.put("complete", Boolean.toString(r.integrity().complete()));
            props.put("truncated", Integer.toString(r.integrity().truncated()));
            props.put("fromCache", Integer.toString(r.integrity().fromCache()));
            if (r.gap() != null) {
                props.put("gap.head", r.gap().head());
                props.put("gap.tail", r.gap().tail());
                estimate(props, "gap.accuracy", r.gap().accuracy());
                estimate(props, "gap.hallucination", r.gap().hallucination());
            }
            properties(x, props, 3);
            nl(x, 2);
            x.writeEndElement();
            for (BucketStats b : r.buckets()) {
                nl(x, 2);
                x.writeStartElement("testcase");
                x.writeAttribute("name", clean(b.name()));
                x.writeAttribute("classname", clean(classname));
                x.writeAttribute("time", "0");
                nl(x, 3);
                x.writeStartElement("properties");
                Map<String, String> m = new java.util.LinkedHashMap<>();
                m.put("frequency.lower", Numbers.jsonFrequency(b.lower()));
                m.put("frequency.upper", Double.isFinite(b.upper()) ? Numbers.jsonFrequency(b.upper()) : "");
                m.put("asked", Integer.toString(b.asked()));
                m.put("n", Integer.toString(b.n()));
                m.put("correct", Integer.toString(b.correct()));
                m.put("hallucinated", Integer.toString(b.hallucinated()));
                m.put("abstained", Integer.toString(b.abstained()));
                m.put("errors", Integer.toString(b.errors()));
                estimate(m, "accuracy", b.accuracy());
                estimate(m, "hallucination", b.hallucination());
                estimate(m, "abstention", b.abstention());
                estimate(m, "precision", b.precision());
                m.put("small", Boolean.toString(b.small()));
                m.put("truncated", Integer.toString(r.integrity().truncatedByBucket().getOrDefault(b.name(), 0)));
                properties(x, m, 4);
                nl(x, 3);
                x.writeEndElement();
                nl(x, 3);
                x.writeStartElement("system-out");
                x.writeCharacters(clean(summary(b)));
                x.writeEndElement();
                nl(x, 2);
                x.writeEndElement();
            }
            nl(x, 1);
            x.writeEndElement();

            if (!gates.isEmpty()) {
                nl(x, 1);
                suite(x, "tailgap.gates", gates.size(), failures);
                for (GateResult g : gates) {
                    GateJUnit.testcase(x, g, "tailgap.gates", "\n    ");
                }
                nl(x, 1);
                x.writeEndElement();
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.append('\n').toString();
    }

    private static void suite(XMLStreamWriter x, String name, int tests, int failures) throws XMLStreamException {
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
    }

    private static void properties(XMLStreamWriter x, Map<String, String> props, int depth) throws XMLStreamException {
        for (Map.Entry<String, String> p : props.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            nl(x, depth);
            x.writeEmptyElement("property");
            x.writeAttribute("name", p.getKey());
            x.writeAttribute("value", clean(p.getValue()));
        }
    }

    private static void estimate(Map<String, String> m, String name, Estimate e) {
        Estimate v = e == null ? Estimate.NONE : e;
        m.put(name, rate(v.value()));
        m.put(name + ".lower", rate(v.lower()));
        m.put(name + ".upper", rate(v.upper()));
    }

    private static String rate(double d) {
        return Double.isFinite(d) ? Numbers.json6(d) : "";
    }

    private static String summary(BucketStats b) {
        Style s = Style.HTML;
        return "frequency " + Phrases.range(b, s) + ", n " + Numbers.count(b.n()) + ": accuracy "
                + Phrases.estimate(b.accuracy(), s) + ", hallucination " + Phrases.estimate(b.hallucination(), s)
                + ", abstention " + Phrases.rate(b.abstention(), s) + ", precision " + Phrases.rate(b.precision(), s)
                + ", errors " + Numbers.count(b.errors()) + (b.small() ? " (small bucket)" : "");
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Replaces characters that XML 1.0 cannot hold with U+FFFD. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF;
            sb.appendCodePoint(ok ? c : 0xFFFD);
        });
        return sb.toString();
    }
}
