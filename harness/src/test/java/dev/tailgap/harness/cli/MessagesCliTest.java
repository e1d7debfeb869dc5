package dev.tailgap.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.harness.ProgramName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user reads after a mistake, and in the help: one line naming the mistake, a hint, readable placeholders. */
class MessagesCliTest {
    @TempDir
    Path tmp;

    private static CliTest.Result tailgap(String... args) {
        return CliTest.tailgap(args);
    }

    @Test
    void aMistypedCommandGetsDidYouMeanAndAHintNotTheUsage() {
        CliTest.Result r = tailgap("rnu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("tailgap: error: unknown command 'rnu'; did you mean run?",
                "try 'tailgap --help'");
        assertThat(r.out()).isEmpty();
        assertThat(tailgap("run", "--limt", "5").err().lines().toList()).containsExactly(
                "tailgap: error: unknown option '--limit'".replace("--limit", "--limt") + "; did you mean --limit?",
                "try 'tailgap run --help'");
    }

    @Test
    void aBadOptionValueGivesOneLineAndAShortHint() {
        CliTest.Result r = tailgap("run", "--limit", "ten");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "tailgap: error: Invalid value for option '--limit': 'ten' is not an int", "try 'tailgap run --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageAndHintsNameTheProgramAsTyped() {
        String before = System.getProperty(ProgramName.PROPERTY);
        System.setProperty(ProgramName.PROPERTY, "./tailgap");
        try {
            assertThat(tailgap("run", "--limit", "ten").err()).endsWith("try './tailgap run --help'\n");
            assertThat(tailgap("run", "--help").out()).startsWith("Usage: ./tailgap run ");
            assertThat(tailgap("--help").out()).contains("./tailgap run --resume");
            assertThat(tailgap("run", "-q").err()).contains("./tailgap run needs -m PROVIDER:MODEL");
        } finally {
            if (before == null) {
                System.clearProperty(ProgramName.PROPERTY);
            } else {
                System.setProperty(ProgramName.PROPERTY, before);
            }
        }
        assertThat(tailgap("run", "--help").out()).startsWith("Usage: tailgap run ");
    }

    @Test
    void aMistypedGateOperatorOrMetricIsNamedWithWhatWasMeant() {
        CliTest.Result op = tailgap("gate", tmp.toString(), "--rule", "tail.accuracy => 0.3");
        assertThat(op.code()).isEqualTo(2);
        assertThat(op.err().strip()).isEqualTo("tailgap: error: --rule: unknown operator '=>' in rule "
                + "'tail.accuracy => 0.3'; did you mean '>='? (comparisons are >=, <=, > and <)");
        assertThat(tailgap("gate", tmp.toString(), "--rule", "tail.accuracy = 0.3").err())
                .contains("unknown operator '=' in rule 'tail.accuracy = 0.3'; did you mean '>=' or '<='?");
        assertThat(tailgap("gate", tmp.toString(), "--rule", "tail.acuracy >= 0.3").err())
                .contains("unknown metric 'acuracy' for a bucket (known: accuracy, hallucination, ")
                .endsWith("); did you mean 'accuracy'?\n");
    }

    @Test
    void datasetsInfoHelpShowsNoRegex() {
        String help = tailgap("datasets", "info", "--help").out();
        assertThat(help).contains("--bucketing=SCHEME[,SCHEME...]").doesNotContain("(?=");
    }

    @Test
    void noHelpShowsAJavaFieldNameAsPlaceholder() {
        List<String> found = new ArrayList<>();
        walk(new CommandLine(new Main()), found);
        assertThat(found).isEmpty();
    }

    private static void walk(CommandLine cli, List<String> found) {
        for (CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
            if (o.arity().max() > 0 && o.paramLabel().startsWith("<")) {
                found.add(cli.getCommandSpec().qualifiedName() + " " + o.longestName() + "=" + o.paramLabel());
            }
        }
        cli.getSubcommands().values().forEach(c -> walk(c, found));
    }

    @Test
    void theMinimumBucketSizeRuleInGateHelpCanPassOnTheBundledDataset() {
        Matcher m = Pattern.compile("'(buckets\\.minSize >= \\d+)'").matcher(tailgap("gate", "--help").out());
        assertThat(m.find()).as("gate --help suggests a buckets.minSize rule").isTrue();
        Path run = tmp.resolve("demo");
        assertThat(tailgap("demo", "--per-bucket", "40", "--out", run.toString(), "-q").code()).isZero();
        CliTest.Result gate = tailgap("gate", run.toString(), "--rule", m.group(1));
        assertThat(gate.code()).as(gate.out() + gate.err()).isZero();
        assertThat(gate.out()).contains("PASS  " + m.group(1));
    }

    @Test
    void configMistakesNameTheFileAndLine() throws java.io.IOException {
        Path list = java.nio.file.Files.writeString(tmp.resolve("list.yaml"), "model: openai:x\nconcurrency: [1,2]\n");
        assertThat(tailgap("run", "--config", list.toString()).err().strip())
                .isEqualTo("tailgap: error: " + list + ":2: concurrency: expected a number, got a list");
        Path word = java.nio.file.Files.writeString(tmp.resolve("word.yaml"), "timeout: ten\n");
        assertThat(tailgap("run", "--config", word.toString()).err().strip())
                .isEqualTo("tailgap: error: " + word + ":1: timeout: expected a number, got 'ten'");
        Path key = java.nio.file.Files.writeString(tmp.resolve("key.yaml"), "# models\nmodle: openai:x\n");
        assertThat(tailgap("run", "--config", key.toString()).err().strip()).startsWith("tailgap: error: " + key
                + ":2: unknown key 'modle' for tailgap run").endsWith("; did you mean 'model'?");
        Path range = java.nio.file.Files.writeString(tmp.resolve("range.yaml"),
                "model: openai:x\nbase-url: http://127.0.0.1:9/v1\nper-bucket: 0\n");
        assertThat(tailgap("run", "--config", range.toString()).err().strip())
                .isEqualTo("tailgap: error: " + range + ":3: per-bucket: per bucket must be >= 1, got 0");
        CliTest.Result onCommandLine = tailgap("run", "--config", range.toString(), "--per-bucket", "0");
        assertThat(onCommandLine.err().strip()).isEqualTo("tailgap: error: per bucket must be >= 1, got 0");
        CliTest.Result missing = tailgap("run", "--config", tmp.resolve("nosuch.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip())
                .isEqualTo("tailgap: error: config file " + tmp.resolve("nosuch.yaml") + ": no such file");
    }

    @Test
    void runHelpGroupsEveryOption() {
        String help = tailgap("run", "--help").out();
        List<String> headings = OptionGroups.GROUPS.keySet().stream().map(h -> "\n" + h + ":\n").toList();
        int at = -1;
        for (String h : headings) {
            int next = help.indexOf(h);
            assertThat(next).as(h).isGreaterThan(at);
            at = next;
        }
        assertThat(help).startsWith("Usage: tailgap run [OPTIONS]");
        String other = help.substring(help.indexOf("\nOther:\n"));
        assertThat(other.lines().filter(l -> l.startsWith("  -")).toList())
                .allSatisfy(l -> assertThat(l).containsAnyOf("--help", "--version"));
        assertThat(help.substring(help.indexOf("\nDataset and sampling:"), help.indexOf("\nPrompt, generation")))
                .contains("--per-bucket=N").contains("--limit=N");
    }
}
