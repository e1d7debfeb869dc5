package dev.tailgap.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("gate.yaml"), text);
    }

    private void assertUsageError(String text, String... parts) throws IOException {
        Path f = file(text);
        assertThatThrownBy(() -> RulesFile.read(f)).isInstanceOfSatisfying(TailgapException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).doesNotContain("\n").contains(parts);
        });
    }

    @Test
    void readsRulesWithTheirLinesAndAlpha() throws IOException {
        Path f = file("# gate\nalpha: 0.01\nrules:\n  - tail.accuracy >= 0.30\n  - 'tail.accuracy.drop <= 2%'\n");
        RulesFile rf = RulesFile.read(f);
        assertThat(rf.alpha()).isEqualTo(0.01);
        assertThat(rf.rules()).extracting(Rule::text)
                .containsExactly("tail.accuracy >= 0.30", "tail.accuracy.drop <= 2%");
        assertThat(rf.rules().get(1).origin()).isEqualTo(f + ":5");
        assertThat(RulesFile.read(file("rules: [gap.accuracy <= 0.25]\n")).alpha()).isNull();
    }

    @Test
    void mistakesNameTheFileLineAndKey() throws IOException {
        assertUsageError("rules:\n  - tail.accuracy >= 0.3\n  - tail.acuracy >= 0.3\n",
                "gate.yaml:3:", "rules[1]", "unknown metric 'acuracy'");
        assertUsageError("alpha: 0.05\nrulez:\n  - tail.accuracy >= 0.3\n", "gate.yaml:2:", "unknown key 'rulez'");
        assertUsageError("alpha: 5\nrules: [tail.accuracy >= 0.3]\n", "gate.yaml:1:", "'alpha'");
        assertUsageError("rules:\n  - tail.accuracy: 0.3\n", "gate.yaml:2:", "rules[0] must be a rule string");
        assertUsageError("rules: tail.accuracy >= 0.3\n", "gate.yaml:1:", "'rules' must be a list");
        assertUsageError("rules: [tail.accuracy >= 0.3\n", "gate.yaml:", "not valid YAML");
        assertUsageError("", "gate.yaml:", "empty");
        assertUsageError("alpha: 0.05\n", "gate.yaml: no rules");
        assertThatThrownBy(() -> RulesFile.read(tmp.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    }
}
