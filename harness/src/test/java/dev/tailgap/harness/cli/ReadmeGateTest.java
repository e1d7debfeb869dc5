package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "CI gating" section works as written: its offline example is run command by command through
 * {@link Main#execute} (the rules file written by its here-document), each gate exits with the code its comment
 * states, the sample output line is what the gate prints, and the workflow example is valid YAML.
 */
class ReadmeGateTest {
    @TempDir
    Path tmp;

    static String section() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("../README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("## CI gating");
        assertThat(start).as("README has a CI gating section").isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The fenced code blocks of a language ("" for none), in order. */
    static List<String> blocks(String section, String lang) {
        List<String> out = new ArrayList<>();
        StringBuilder body = null;
        String current = null;
        for (String line : section.lines().toList()) {
            if (body == null && line.startsWith("```")) {
                current = line.substring(3).strip();
                body = new StringBuilder();
            } else if (body != null && line.equals("```")) {
                if (current.equals(lang)) {
                    out.add(body.toString());
                }
                body = null;
            } else if (body != null) {
                body.append(line).append('\n');
            }
        }
        return out;
    }

    @Test
    void theOfflineExampleRunsAndExitsAsDocumented() throws IOException {
        String section = section();
        String example = blocks(section, "bash").get(0);
        List<String> lines = example.lines().toList();
        List<String> gateOutputs = new ArrayList<>();
        int gates = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("cat > ")) {
                Matcher m = Pattern.compile("cat > (\\S+) <<'(\\w+)'").matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                StringBuilder body = new StringBuilder();
                for (i++; !lines.get(i).equals(m.group(2)); i++) {
                    body.append(lines.get(i)).append('\n');
                }
                Files.writeString(tmp.resolve(m.group(1)), body);
                continue;
            }
            assertThat(line).as("every other line runs tailgap").startsWith("./tailgap ");
            String command = line.replaceFirst("\\s+#.*$", "");
            List<String> args = new ArrayList<>();
            for (String word : command.substring("./tailgap ".length()).split("\\s+")) {
                args.add(word.startsWith("runs/") || word.equals("gate.yaml") ? tmp.resolve(word).toString() : word);
            }
            CliTest.Result r = CliTest.tailgap(args.toArray(new String[0]));
            Matcher exit = Pattern.compile("# exit (\\d+)").matcher(line);
            int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
            assertThat(r.code()).as("%s%n%s%s", line, r.out(), r.err()).isEqualTo(expected);
            if (args.get(0).equals("gate")) {
                gates++;
                gateOutputs.add(r.out().replace(tmp.toString() + "/", ""));
            }
        }
        assertThat(gates).isEqualTo(2);
        String shown = blocks(section, "").get(0).strip();
        assertThat(gateOutputs.get(1).lines()).as("the sample output is the regression's gate line").contains(shown);
    }

    @Test
    void theWorkflowExampleIsValidYamlThatRunsTheGate() throws IOException {
        List<String> yaml = blocks(section(), "yaml");
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(yaml.get(0));
        List<String> runs = new ArrayList<>();
        workflow.at("/jobs/gate/steps").forEach(s -> runs.add(s.path("run").asText()));
        assertThat(runs).anySatisfy(r -> assertThat(r).startsWith("./tailgap gate runs/candidate --baseline"));
        assertThat(runs).anySatisfy(r -> assertThat(r).startsWith("./tailgap run -m openai:my-model"));
    }
}
