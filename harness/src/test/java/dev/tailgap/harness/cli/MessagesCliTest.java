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
                .contains("unknown metric 'acuracy' for a bucket (known: accuracy, hallucination, abstention, "
                        + "precision, n); did you mean 'accuracy'?");
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
}
