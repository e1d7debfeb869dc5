package dev.tailgap.reports;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * A run's item results, read again on each {@link #forEach} (a run's item log streams from disk, so a report of a
 * million items never holds them all). Contract: every pass gives the same items in the same order; a failure to read
 * arrives as an unchecked exception naming the place.
 */
@FunctionalInterface
public interface ItemSource {
    /** One full pass over the items, in their stored order. */
    void forEach(Consumer<? super ItemResult> action);

    /** The items of a collection held in memory. */
    static ItemSource of(Collection<? extends ItemResult> items) {
        return items::forEach;
    }
}
