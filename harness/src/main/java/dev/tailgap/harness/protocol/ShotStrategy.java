package dev.tailgap.harness.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a run's shots are chosen for each item (never the item itself, nor an item with the same question):
 * {@code stratified-relation} (PopQA: one item of each other relation in turn, in a seeded order, as many rounds as
 * needed; from the item's own relation only when the dataset has no other), {@code head} (items of the head bucket
 * only, drawn at random), {@code random} (any item, drawn at random), or {@code fixed} (the protocol's or the shots
 * file's own examples, the same for every item).
 */
public enum ShotStrategy {
    STRATIFIED_RELATION("stratified-relation"), HEAD("head"), RANDOM("random"), FIXED("fixed");

    private final String label;

    ShotStrategy(String label) {
        this.label = label;
    }

    /** The name users write. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The strategy named {@code label}; {@link IllegalArgumentException} listing the names otherwise. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ShotStrategy parse(String label) {
        for (ShotStrategy s : values()) {
            if (s.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("no shot strategy '" + label + "'; known: " + Arrays.stream(values())
                .map(ShotStrategy::label).collect(Collectors.joining(", ")));
    }
}
