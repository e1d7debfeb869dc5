package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An item's gold answers folded once with {@link Normalizer#fold(String)}, so that scoring many answers against the
 * same item (or re-scoring a run) does not fold the golds again.
 *
 * <p>Contract: {@link #answers()} is the list as given (first = canonical, rest = aliases), unmodifiable;
 * {@link #folded()} holds the distinct non-empty folded forms in first-seen order — golds that fold to "" (such as
 * "?" or "...") are left out because they can never match. The list and its elements must not be {@code null}.
 * Immutable and thread-safe; equality is by {@link #answers()}.
 */
public final class FoldedGolds {

    private final List<String> answers;
    private final List<String> folded;

    private FoldedGolds(List<String> answers, List<String> folded) {
        this.answers = answers;
        this.folded = folded;
    }

    /** Folds {@code golds}; throws {@link NullPointerException} on a {@code null} list or element. */
    public static FoldedGolds of(List<String> golds) {
        List<String> answers = List.copyOf(Objects.requireNonNull(golds, "golds"));
        if (answers.size() == 1) {
            String f = Normalizer.fold(answers.get(0));
            return new FoldedGolds(answers, f.isEmpty() ? List.of() : List.of(f));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String gold : answers) {
            String f = Normalizer.fold(gold);
            if (!f.isEmpty()) {
                seen.add(f);
            }
        }
        return new FoldedGolds(answers, List.copyOf(new ArrayList<>(seen)));
    }

    /** The gold answers as given. */
    public List<String> answers() {
        return answers;
    }

    /** The distinct non-empty folded golds, in first-seen order. */
    public List<String> folded() {
        return folded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldedGolds && ((FoldedGolds) o).answers.equals(answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }

    @Override
    public String toString() {
        return "FoldedGolds" + folded;
    }
}
