package dev.tailgap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's complete pom.xml for Java users agrees with the sample project the plugin's integration test builds:
 * the same dependencies, imported BOMs, plugins and gate configuration, at the version being built.
 */
class ReadmePomTest {
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));

    @Test
    void theReadmeSnippetIsTheSampleProjectsBuild() throws Exception {
        String readme = Files.readString(BASE.resolve("../README.md"));
        int section = readme.indexOf("\n## Java users");
        assertThat(section).as("README has a Java users section").isPositive();
        String text = readme.substring(section, readme.indexOf("\n## ", section + 1));
        int start = text.indexOf("```xml\n") + "```xml\n".length();
        String snippet = text.substring(start, text.indexOf("```", start));

        String version = text(parse(Files.readString(BASE.resolve("pom.xml"))).getDocumentElement(), "parent",
                "version");
        Document readmePom = parse(snippet);
        Document sample = parse(Files.readString(BASE.resolve("src/it/sample-project/pom.xml"))
                .replace("@project.version@", version));

        assertThat(readmePom.getDocumentElement().getTagName()).isEqualTo("project");
        for (String field : List.of("modelVersion", "groupId", "artifactId", "version")) {
            assertThat(text(readmePom.getDocumentElement(), field)).as(field).isNotBlank();
        }
        assertThat(dependencies(readmePom, "dependencies")).isEqualTo(dependencies(sample, "dependencies"))
                .contains("dev.tailgap:tailgap-assertj:" + version + ":test");
        assertThat(dependencies(readmePom, "dependencyManagement")).isEqualTo(dependencies(sample,
                "dependencyManagement"));
        assertThat(plugins(readmePom)).isEqualTo(plugins(sample))
                .contains("dev.tailgap:tailgap-maven-plugin:" + version + " goals [check]");
        assertThat(text).contains("`dev.tailgap:tailgap-assertj:" + version + "`")
                .contains("`dev.tailgap:tailgap-maven-plugin:" + version + "`")
                .contains("mvn install -DskipTests");
        assertThat(rules(readmePom)).isEqualTo(rules(sample)).isNotEmpty();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code groupId:artifactId:version:scope} of each dependency under the project's {@code where} element. */
    private static List<String> dependencies(Document pom, String where) {
        List<String> out = new ArrayList<>();
        Element section = child(pom.getDocumentElement(), where);
        if (section == null) {
            return out;
        }
        if (where.equals("dependencyManagement")) {
            section = child(section, "dependencies");
        }
        for (Element d : children(section, "dependency")) {
            out.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "version") + ":"
                    + text(d, "scope"));
        }
        return out;
    }

    /** {@code groupId:artifactId:version goals [...]} of each build plugin. */
    private static List<String> plugins(Document pom) {
        List<String> out = new ArrayList<>();
        for (Element p : children(child(child(pom.getDocumentElement(), "build"), "plugins"), "plugin")) {
            List<String> goals = new ArrayList<>();
            NodeList g = p.getElementsByTagName("goal");
            for (int i = 0; i < g.getLength(); i++) {
                goals.add(g.item(i).getTextContent().strip());
            }
            out.add(text(p, "groupId") + ":" + text(p, "artifactId") + ":" + text(p, "version")
                    + (goals.isEmpty() ? "" : " goals " + goals));
        }
        return out;
    }

    private static List<String> rules(Document pom) {
        List<String> out = new ArrayList<>();
        NodeList r = pom.getElementsByTagName("rule");
        for (int i = 0; i < r.getLength(); i++) {
            out.add(r.item(i).getTextContent().strip());
        }
        return out;
    }

    private static String text(Element e, String... path) {
        Element at = e;
        for (String name : path) {
            at = at == null ? null : child(at, name);
        }
        return at == null ? null : at.getTextContent().strip();
    }

    private static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(name)) {
                out.add(el);
            }
        }
        return out;
    }
}
