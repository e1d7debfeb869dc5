package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.reports.Outcome;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorersTest {

    @Test
    void findsTheBuiltInScorersAndAPlugInFromTheClassPath() {
        assertThat(Scorers.all()).extracting(ScorerProvider::name)
                .containsExactly("contains", "exact", "f1", "judge", "regex", "shouting");
        Scorer s = Scorers.create("shouting", ScorerContext.defaults());
        ScoringItem item = new ScoringItem("q1", "Capital of France?", "France", "capital",
                FoldedGolds.of(List.of("Paris")), 10);
        assertThat(s.score(item, "PARIS").outcome()).isEqualTo(Outcome.CORRECT);
        Verdict failed = s.score(item, "paris");
        assertThat(failed.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(failed.reason()).isEqualTo("not shouted: France");
    }

    @Test
    void refusesTwoScorersUnderOneNameNamingBothClasses(@TempDir Path tmp) throws Exception {
        Path services = tmp.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ScorerProvider.class.getName()),
                ShoutingScorerProvider.Twin.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                ScorersTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Scorers.all(loader)).isInstanceOf(TailgapException.class)
                    .hasMessageContaining("two scorers are called 'shouting'")
                    .hasMessageContaining(ShoutingScorerProvider.class.getName())
                    .hasMessageContaining(ShoutingScorerProvider.Twin.class.getName());
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Scorers.provider("fuzzy")).isInstanceOf(TailgapException.class)
                .hasMessage("unknown scorer 'fuzzy'; known scorers: contains, exact, f1, judge, regex, shouting "
                        + "(see: tailgap list scorers)");
    }

    @Test
    void aScorerThatThrowsFailsItsItemAsAnError() {
        Scorer broken = new Scorer() {
            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public Verdict score(ScoringItem item, String rawAnswer) {
                throw new IllegalStateException("boom");
            }
        };
        Verdict v = ScorerSetup.score(broken, ScoringItem.of("q", "q", List.of("x")), "Answer: x");
        assertThat(v.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(v.extracted()).isEqualTo("x");
        assertThat(v.reason()).isEqualTo("scorer broken failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void theJudgeNeedsAJudgeModel() {
        assertThatThrownBy(() -> Scorers.create("judge", ScorerContext.defaults()))
                .isInstanceOf(TailgapException.class).hasMessageStartingWith("scorer judge needs --judge-model");
    }
}
