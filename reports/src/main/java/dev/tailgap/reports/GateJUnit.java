package dev.tailgap.reports;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@link GateReport} as JUnit XML for CI test reporters: one {@code <testsuite name="tailgap.gate">} with the run,
 * baseline, dataset and alpha as properties and one {@code <testcase>} per rule, named by the rule; a failing rule
 * holds a {@code <failure>} whose message is the rule's summary, a passing one prints its summary in
 * {@code <system-out>}. No timestamps or durations ({@code time="0"}): the same gate gives the same bytes.
 */
public final class GateJUnit {
    private static final String SUITE = "tailgap.gate";

    private GateJUnit() {
    }

    /** The report as an XML document (UTF-8 declared), ending in a newline. */
    public static String render(GateReport g) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", SUITE);
            w.writeAttribute("tests", String.valueOf(g.results().size()));
            w.writeAttribute("failures", String.valueOf(g.failures()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", "0");
            w.writeCharacters("\n  ");
            w.writeStartElement("properties");
            property(w, "run", g.run());
            property(w, "model", g.model());
            property(w, "baseline", g.baseline());
            property(w, "baselineModel", g.baselineModel());
            property(w, "dataset", Phrases.datasetId(g.dataset()));
            property(w, "datasetSha256", g.dataset() == null ? null : g.dataset().sha256());
            if (g.baseline() != null) {
                property(w, "alpha", GateResult.threshold(g.alpha()));
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            for (GateResult r : g.results()) {
                testcase(w, r, SUITE, "\n  ");
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    /**
     * One rule as a {@code <testcase>}: a failing rule holds a {@code <failure>} whose message is its summary, a
     * passing one prints the summary in {@code <system-out>}. {@code indent} is the newline and indentation the case
     * starts at. Shared by {@link JUnitReport}, so a gate reads the same in both documents.
     */
    static void testcase(XMLStreamWriter w, GateResult r, String suite, String indent) throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeStartElement("testcase");
        w.writeAttribute("classname", suite);
        w.writeAttribute("name", xml(r.rule()));
        w.writeAttribute("time", "0");
        w.writeCharacters(indent + "  ");
        String summary = xml(r.summary());
        if (r.passed()) {
            w.writeStartElement("system-out");
            w.writeCharacters(summary);
        } else {
            w.writeStartElement("failure");
            w.writeAttribute("message", summary);
            w.writeAttribute("type", "GateRuleFailed");
            w.writeCharacters(summary);
        }
        w.writeEndElement();
        w.writeCharacters(indent);
        w.writeEndElement();
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeCharacters("\n    ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", xml(value));
    }

    /** Text that XML 1.0 can hold: characters it forbids (most control characters) become {@code ?}. */
    private static String xml(String s) {
        return Phrases.plain(s);
    }
}
