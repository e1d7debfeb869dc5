package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The README's "History and trend" section works as written: its offline example runs command by command through
 * {@link Main#execute} (in a temporary runs directory), each command exits with the code its comment states, and the
 * sample output is what {@code tailgap trend} prints.
 */
class ReadmeHistoryTest {
    @TempDir
    Path tmp;

    static String section() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("../README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("## History and trend");
        assertThat(start).as("README has a History and trend section").isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** Shell words: split at spaces, single quotes keep a word together. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void theOfflineExampleRunsAndPrintsWhatTheReadmeShows() throws IOException {
        String section = section();
        Path runs = tmp.resolve("runs");
        String trendOutput = null;
        for (String line : ReadmeGateTest.blocks(section, "bash").get(0).lines().toList()) {
            assertThat(line).as("every line runs tailgap").startsWith("./tailgap ");
            Matcher exit = Pattern.compile("# exit (\\d+)").matcher(line);
            int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
            List<String> args = new ArrayList<>();
            for (String w : words(line.replaceFirst("\\s+#.*$", "").substring("./tailgap ".length()))) {
                args.add(w.startsWith("runs/") ? tmp.resolve(w).toString() : w);
            }
            args.add(args.get(0).equals("runs") ? 2 : 1, "--runs-dir=" + runs);
            CliTest.Result r = CliTest.tailgap(args.toArray(new String[0]));
            assertThat(r.code()).as("%s%n%s%s", line, r.out(), r.err()).isEqualTo(expected);
            if (args.get(0).equals("trend")) {
                trendOutput = r.out();
            }
            if (args.get(0).equals("runs")) {
                assertThat(r.out().lines()).hasSize(5);
            }
        }
        String shown = ReadmeGateTest.blocks(section, "").get(0);
        assertThat(trendOutput).startsWith(shown);
        assertThat(runs.resolve("trends/series_nightly/trend.md")).exists();
        assertThat(runs.resolve("trends/series_nightly/trend.html")).exists();
    }
}
