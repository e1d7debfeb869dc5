package dev.tailgap.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.reports.GateResult.Bound;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void parsesSubjectMetricBoundComparatorAndThreshold() {
        Rule r = Rule.parse("  tail.accuracy.lower>=0.25 ", "--rule");
        assertThat(r.text()).isEqualTo("tail.accuracy.lower >= 0.25");
        assertThat(r.kind()).isEqualTo(Rule.Kind.BUCKET);
        assertThat(r.subject()).isEqualTo("tail");
        assertThat(r.metric()).isEqualTo("accuracy");
        assertThat(r.bound()).isEqualTo(Bound.LOWER);
        assertThat(r.comparator()).isEqualTo(">=");
        assertThat(r.threshold()).isEqualTo(0.25);
        assertThat(r.needsBaseline()).isFalse();

        Rule drop = Rule.parse("tail.accuracy.drop <= 2%", null);
        assertThat(drop.change()).isEqualTo(Rule.Change.DROP);
        assertThat(drop.threshold()).isEqualTo(0.02);
        assertThat(drop.needsBaseline()).isTrue();
        assertThat(Rule.parse("head.hallucination.rise.upper < 0.05", null).bound()).isEqualTo(Bound.UPPER);

        assertThat(Rule.parse("gap.accuracy <= 0.25", null).kind()).isEqualTo(Rule.Kind.GAP);
        assertThat(Rule.parse("errors.rate <= 0.01", null).kind()).isEqualTo(Rule.Kind.ERRORS);
        assertThat(Rule.parse("buckets.minSize >= 100", null).kind()).isEqualTo(Rule.Kind.BUCKETS);
        assertThat(Rule.parse("slope.perDecade > 0", null).kind()).isEqualTo(Rule.Kind.SLOPE);
        // bucket names may contain dots (edges:2.5,10 makes "2.5-10")
        Rule dotted = Rule.parse("2.5-10.precision.upper < 0.9", null);
        assertThat(dotted.subject()).isEqualTo("2.5-10");
        assertThat(dotted.metric()).isEqualTo("precision");
    }

    @Test
    void comparesWithTheThreshold() {
        assertThat(Rule.parse("tail.accuracy >= 0.3", null).holds(0.3)).isTrue();
        assertThat(Rule.parse("tail.accuracy > 0.3", null).holds(0.3)).isFalse();
        assertThat(Rule.parse("tail.accuracy <= 0.3", null).holds(0.3)).isTrue();
        assertThat(Rule.parse("tail.accuracy < 0.3", null).holds(0.3)).isFalse();
        assertThat(Rule.parse("tail.accuracy >= 0.3", null).holds(Double.NaN)).isFalse();
    }

    @Test
    void mistakesGetAOneLineMessageNamingThePart() {
        assertThatThrownBy(() -> Rule.parse("tail.acuracy >= 0.3", null))
                .hasMessageContaining("unknown metric 'acuracy'").hasMessageContaining("accuracy, hallucination");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy 0.3", null)).hasMessageContaining("no comparison");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy >= lots", null)).hasMessageContaining("'lots' is not a number");
        assertThatThrownBy(() -> Rule.parse("gap.precision <= 1", null))
                .hasMessageContaining("unknown metric 'precision' for gap");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy.drop >= 0.02", null)).hasMessageContaining("use <= or <");
        assertThatThrownBy(() -> Rule.parse("tail.hallucination.drop <= 0.02", null))
                .hasMessageContaining("BUCKET.accuracy.drop, BUCKET.hallucination.rise");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy >= 30", null))
                .hasMessageContaining("threshold 30 must be in [0, 1] for a rate; write rates as fractions (0.30)");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy >= 200%", null))
                .hasMessage("'tail.accuracy >= 200%': threshold 200% must be in [0, 1] for a rate");
        assertThatThrownBy(() -> Rule.parse("overall.hallucination <= -5", null)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Rule.parse("gap.accuracy <= 1.5", null)).hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> Rule.parse("tail.n >= -1", null)).hasMessageContaining("at least 0 for a count");
        assertThatThrownBy(() -> Rule.parse("tail.accuracy.noninferior.lower <= 0.02", null))
                .hasMessageContaining("decided by its test");
        assertThat(Rule.parse("tail.accuracy >= 30%", null).threshold()).isEqualTo(0.30);
        assertThat(Rule.parse("gap.accuracy <= -0.05", null).threshold()).isEqualTo(-0.05);
        assertThatThrownBy(() -> Rule.parse("buckets.minSize.lower >= 3", null)).hasMessageContaining("no interval");
        assertThatThrownBy(() -> Rule.parse("accuracy >= 3", null)).hasMessageContaining("SUBJECT.METRIC");
        assertThatThrownBy(() -> Rule.parse(" ", null)).hasMessageContaining("empty rule");
    }
}
