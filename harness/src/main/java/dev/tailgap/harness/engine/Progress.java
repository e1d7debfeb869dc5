package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.reports.ItemResult;

/** Receives the engine's progress. Called from worker threads; implementations must be thread-safe. */
public interface Progress {
    /** Before the first request: items to ask in total, and how many of those an earlier attempt already finished. */
    default void started(long total, long alreadyDone) {
    }

    /** After each finished item, once its result is on disk, with the live aggregate. */
    default void itemDone(ItemResult result, Aggregator live) {
    }

    /**
     * When an attempt failed and is being retried (the endpoint is slow, refusing connections or rate-limiting):
     * {@code reason} is the failure. Called often; implementations throttle what they show.
     */
    default void retrying(String reason) {
    }

    /** Something the user should know as it happens (a replica went down or came back); called rarely. */
    default void notice(String message) {
    }

    /** After the last item (or a stop). */
    default void finished() {
    }

    Progress NONE = new Progress() {
    };
}
