package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An item's gold answers folded once with {@link Normalizer#fold(String)}, so that scoring many answers against the
 * same item (or re-scoring a run) does not fold the golds again.
 *
 * <p>Contract: {@link #answers()} is the list as given (first = canonical, rest = aliases), unmodifiable;
 * {@link #golds()} holds one {@link Gold} per distinct non-empty folded form, in first-seen order, with the first text
 * that folds to it — golds that fold to "" (such as "?" or "...") are left out because they can never match. The list
 * and its elements must not be {@code null}. Immutable and thread-safe; equality is by {@link #answers()}.
 */
public final class FoldedGolds {

    /** One gold as written, folded, and whether {@link AliasRule} guards it (short or a function word). */
    public record Gold(String text, String folded, boolean guarded) {
    }

    private final List<String> answers;
    private final List<Gold> golds;

    private FoldedGolds(List<String> answers, List<Gold> golds) {
        this.answers = answers;
        this.golds = golds;
    }

    /** Folds {@code golds}; throws {@link NullPointerException} on a {@code null} list or element. */
    public static FoldedGolds of(List<String> golds) {
        List<String> answers = List.copyOf(Objects.requireNonNull(golds, "golds"));
        Map<String, Gold> seen = new LinkedHashMap<>();
        for (String gold : answers) {
            String f = Normalizer.fold(gold);
            if (!f.isEmpty()) {
                seen.putIfAbsent(f, new Gold(gold.strip(), f, AliasRule.isGuarded(f)));
            }
        }
        return new FoldedGolds(answers, List.copyOf(new ArrayList<>(seen.values())));
    }

    /** The gold answers as given. */
    public List<String> answers() {
        return answers;
    }

    /** The distinct non-empty folded golds, in first-seen order. */
    public List<Gold> golds() {
        return golds;
    }

    /** True if some gold is short or a function word (see {@link AliasRule}). */
    public boolean hasGuarded() {
        for (Gold g : golds) {
            if (g.guarded()) {
                return true;
            }
        }
        return false;
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
        return "FoldedGolds" + golds;
    }
}
