package dev.tailgap.datasets;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One question about one concept, with its gold answers and the concept's frequency.
 *
 * <p>Contract: {@code id}, {@code question} and {@code concept} are non-blank; {@code answers} is non-empty, the
 * first entry is the canonical answer and the rest are aliases; {@code frequency} is finite and {@code >= 0};
 * {@code relation} may be {@code null}; {@code meta} is never {@code null} and iterates in key order;
 * {@code conceptAliases} (other names of the concept, e.g. PopQA's {@code s_aliases}) is never {@code null}, empty by
 * default, holds no blank entry and keeps its order.
 */
public record Item(String id, String question, List<String> answers, String concept, double frequency,
                   String relation, Map<String, Object> meta, List<String> conceptAliases) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(concept, "concept");
        answers = List.copyOf(answers);
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " has no answers");
        }
        if (!(frequency >= 0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("item " + id + " has frequency " + frequency);
        }
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(meta));
        conceptAliases = conceptAliases == null ? List.of() : List.copyOf(conceptAliases);
        for (String alias : conceptAliases) {
            if (alias.isBlank()) {
                throw new IllegalArgumentException("item " + id + " has a blank concept alias");
            }
        }
    }

    /** An item whose concept has no aliases. */
    public Item(String id, String question, List<String> answers, String concept, double frequency,
                String relation, Map<String, Object> meta) {
        this(id, question, answers, concept, frequency, relation, meta, List.of());
    }

    /** The canonical gold answer (the first of {@link #answers()}). */
    public String canonicalAnswer() {
        return answers.get(0);
    }
}
