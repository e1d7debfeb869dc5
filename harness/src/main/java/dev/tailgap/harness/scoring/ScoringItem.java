package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.Item;
import dev.tailgap.reports.ItemResult;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Scorer} knows of the item it scores: id, question, concept, relation ({@code null} when the dataset has
 * none), gold answers (first = canonical, rest = aliases; pre-folded in {@link #golds()}) and frequency. Built from a
 * dataset {@link Item} during a run, or from a saved {@link ItemResult} when a run is rescored.
 */
public record ScoringItem(String id, String question, String concept, String relation, FoldedGolds golds,
                          double frequency) {
    public ScoringItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(golds, "golds");
    }

    /** An item with golds folded on the spot (for tests and one-off scoring). */
    public static ScoringItem of(String id, String question, List<String> answers) {
        return new ScoringItem(id, question, null, null, FoldedGolds.of(answers), 0);
    }

    public static ScoringItem of(Item item) {
        return new ScoringItem(item.id(), item.question(), item.concept(), item.relation(),
                FoldedGolds.of(item.answers()), item.frequency());
    }

    public static ScoringItem of(ItemResult r) {
        return new ScoringItem(r.id(), r.question(), r.concept(), r.relation(), FoldedGolds.of(r.answers()),
                r.frequency());
    }

    /** The gold answers as given. */
    public List<String> answers() {
        return golds.answers();
    }
}
