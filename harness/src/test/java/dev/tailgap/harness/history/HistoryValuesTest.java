package dev.tailgap.harness.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.harness.TailgapException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tag conditions and the version order of tag values. */
class HistoryValuesTest {
    @Test
    void tagConditionsMatchAKeyWithAValueOrAnyValue() {
        TagMatch nightly = TagMatch.parse("series=nightly", "--tag");
        TagMatch release = TagMatch.parse("release", "--tag");
        TagMatch empty = TagMatch.parse("note=", "--tag");
        TagMatch equals = TagMatch.parse("expr=a=b", "--tag");
        Map<String, String> tags = Map.of("series", "nightly", "release", "1.2", "note", "", "expr", "a=b");
        assertThat(List.of(nightly, release, empty, equals)).allSatisfy(m -> assertThat(m.matches(tags)).isTrue());
        assertThat(nightly.matches(Map.of("series", "weekly"))).isFalse();
        assertThat(release.matches(Map.of())).isFalse();
        assertThat(TagMatch.all(List.of(nightly, release), Map.of("series", "nightly"))).isFalse();
        assertThat(List.of(nightly, release).toString()).isEqualTo("[series=nightly, release]");
        assertThatThrownBy(() -> TagMatch.parse("=x", "--tag")).isInstanceOf(TailgapException.class)
                .hasMessage("--tag '=x': expected KEY=VALUE (e.g. series=nightly) or KEY");
    }

    @Test
    void tagValuesOrderAsVersions() {
        List<String> values = new ArrayList<>(List.of("1.10", "nightly-10", "1.9", "2.0", "1.9.1", "nightly-2",
                "1.9rc1", "10", "1"));
        values.sort(VersionOrder.INSTANCE);
        assertThat(values).containsExactly("1", "1.9", "1.9.1", "1.9rc1", "1.10", "2.0", "10", "nightly-2",
                "nightly-10");
        assertThat(VersionOrder.INSTANCE.compare("007", "7")).isZero();
    }
}
