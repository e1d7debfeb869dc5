package dev.tailgap.harness.protocol;

import dev.tailgap.datasets.Item;
import java.util.Objects;

/**
 * One worked example shown before the question: an id (the dataset item's, or the shots file's), the question, its
 * answer, and the concept and relation the question's template may name ({@code null} when unknown).
 */
public record Shot(String id, String question, String answer, String concept, String relation) {
    public Shot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }

    /** A dataset item as a shot: its question and its canonical answer. */
    public static Shot of(Item item) {
        return new Shot(item.id(), item.question(), item.canonicalAnswer(), item.concept(), item.relation());
    }
}
