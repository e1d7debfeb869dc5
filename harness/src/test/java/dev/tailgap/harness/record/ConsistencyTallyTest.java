package dev.tailgap.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.reports.Consistency;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.SampleAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as agreeing answers, the majority vote and accuracy at K, and the log line that carries them. */
class ConsistencyTallyTest {
    private static SampleAnswer s(String answer, Outcome o) {
        return new SampleAnswer(answer, answer, o, null);
    }

    private static ItemResult item(String id, List<SampleAnswer> samples) {
        SampleAnswer first = samples.get(0);
        return new ItemResult(id, "q", List.of("Paris"), "c", "r", 10, "b", first.rawAnswer(), first.extracted(),
                first.outcome(), null, 1, 1, 1).withRepeats(List.of("shot-1", "shot-2"), samples);
    }

    @Test
    void foldedAnswersAgreeAbstentionsAreOneAnswerAndTiesGoToTheFirst() {
        Bucketing b = BucketScheme.parse("edges:100").apply(new double[] {10, 1000});
        Aggregator agg = new Aggregator(b);
        String bucket = b.buckets().get(1).name();
        List<ItemResult> items = List.of(
                // stable: "Paris", "paris.", " PARIS" fold alike
                item("stable", List.of(s("Paris", Outcome.CORRECT), s("paris.", Outcome.CORRECT),
                        s(" PARIS", Outcome.CORRECT))),
                // stable: two different refusals are one abstention
                item("abstains", List.of(s("unsure", Outcome.ABSTAINED), s("I don't know", Outcome.ABSTAINED),
                        s("unsure", Outcome.ABSTAINED))),
                // unstable, majority wrong, one correct
                item("flip", List.of(s("Lyon", Outcome.HALLUCINATED), s("Paris", Outcome.CORRECT),
                        s("Lyon", Outcome.HALLUCINATED))),
                // unstable, a tie: the first given answer wins (correct)
                item("tie", List.of(s("Paris", Outcome.CORRECT), s("Lyon", Outcome.HALLUCINATED),
                        s("unsure", Outcome.ABSTAINED))),
                // a failed sample: left out
                item("failed", List.of(s("Paris", Outcome.CORRECT), new SampleAnswer(null, null, Outcome.ERROR, "x"),
                        s("Paris", Outcome.CORRECT))));
        for (ItemResult r : items) {
            ItemResult placed = new ItemResult(r.id(), r.question(), r.answers(), r.concept(), r.relation(), 1000,
                    bucket, r.rawAnswer(), r.extracted(), r.outcome(), null, 1, 1, 1)
                    .withRepeats(r.shots(), r.samples());
            assertThat(ItemLog.parseLine(ItemLog.toJsonLine(placed))).isEqualTo(placed);
            agg.add(placed);
        }
        Consistency c = agg.report("t", null, java.util.Map.of(), 0).consistency();
        assertThat(c.samples()).isEqualTo(3);
        Consistency.Row row = c.buckets().get(1);
        assertThat(row.n()).isEqualTo(4);
        assertThat(row.unstable()).isEqualTo(2);
        assertThat(row.majorityCorrect()).isEqualTo(2); // stable, tie
        assertThat(row.anyCorrect()).isEqualTo(3); // stable, flip, tie
        assertThat(row.firstCorrect()).isEqualTo(2); // stable, tie
        assertThat(row.instability().value()).isEqualTo(0.5);
        assertThat(c.buckets().get(0).n()).isZero();
        assertThat(c.buckets().get(0).instability().defined()).isFalse();
        assertThat(c.overall().unstable()).isEqualTo(2);
    }

    @Test
    void aRunAskedOnceHasNoConsistency() {
        Bucketing b = BucketScheme.parse("edges:100").apply(new double[] {10, 1000});
        Aggregator agg = new Aggregator(b);
        agg.add(new ItemResult("a", "q", List.of("x"), "c", null, 10, b.buckets().get(1).name(), "x", "x",
                Outcome.CORRECT, null, 1, 1, 1));
        assertThat(agg.report("t", null, java.util.Map.of(), 0).consistency()).isNull();
    }
}
