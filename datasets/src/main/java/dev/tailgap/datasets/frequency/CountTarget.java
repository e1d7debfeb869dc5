package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.Item;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the corpus counter needs of one item: its id, the concept's names (the concept and its aliases), the gold
 * answers, the question (answers that occur in it are left out of the co-occurrence count) and the relation (for
 * {@link MatchOptions#relationWindow()}).
 *
 * <p>Contract: {@code itemId} and {@code question} are non-null; {@code conceptNames} and {@code answers} are
 * non-null lists without nulls (they may be empty); {@code relation} may be {@code null}.
 */
public record CountTarget(String itemId, List<String> conceptNames, List<String> answers, String question,
                          String relation) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CountTarget {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(question, "question");
        conceptNames = List.copyOf(conceptNames);
        answers = List.copyOf(answers);
    }

    /** The target of {@code item}: its concept followed by {@link Item#conceptAliases()}. */
    public static CountTarget of(Item item) {
        List<String> names = new ArrayList<>(1 + item.conceptAliases().size());
        names.add(item.concept());
        names.addAll(item.conceptAliases());
        return new CountTarget(item.id(), names, item.answers(), item.question(), item.relation());
    }
}
