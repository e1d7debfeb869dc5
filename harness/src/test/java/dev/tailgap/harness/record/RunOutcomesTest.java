package dev.tailgap.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.reports.Outcome;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact per-run table agrees with a plain map of the same lines, through many resizes. */
class RunOutcomesTest {
    @Test
    void holdsTheLastLineOfEveryIdLikeAMap() {
        RunOutcomes table = new RunOutcomes();
        Map<String, int[]> expected = new HashMap<>();
        Outcome[] outcomes = Outcome.values();
        int line = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 50_000; i += round + 1) { // the second round repeats every other id
                String id = "item:" + i;
                int bucket = i % 7 == 0 ? -1 : i % 5;
                Outcome o = outcomes[(i + round) % outcomes.length];
                assertThat(table.put(id, bucket, o, line)).as("new id").isEqualTo(!expected.containsKey(id));
                expected.put(id, new int[] {bucket, o.ordinal(), line});
                line++;
            }
        }
        int used = 0;
        for (int s = 0; s < table.capacity(); s++) {
            used += table.used(s) ? 1 : 0;
        }
        assertThat(used).isEqualTo(expected.size());
        expected.forEach((id, want) -> {
            int slot = table.find(id);
            assertThat(slot).isNotNegative();
            assertThat(new int[] {table.bucket(slot), table.outcome(slot).ordinal(), (int) table.position(slot)})
                    .as(id).containsExactly(want);
        });
        assertThat(table.find("item:50000")).isEqualTo(-1);
    }

    @Test
    void keepsACorrectItemInNoBucket() {
        RunOutcomes table = new RunOutcomes();
        assertThat(table.put("lone", -1, Outcome.CORRECT, 7L << 33)).isTrue();
        int slot = table.find("lone");
        assertThat(slot).isNotNegative();
        assertThat(table.used(slot)).isTrue();
        assertThat(table.bucket(slot)).isEqualTo(-1);
        assertThat(table.outcome(slot)).isEqualTo(Outcome.CORRECT);
        assertThat(table.position(slot)).isEqualTo(7L << 33);
        assertThat(table.put("lone", 2, Outcome.ERROR, 9)).isFalse();
    }
}
