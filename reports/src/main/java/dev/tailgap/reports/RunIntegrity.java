package dev.tailgap.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report's figures rest on, so that none is silently about the wrong run or the wrong model.
 *
 * <p>{@code complete} is true when every planned item was asked and the run finished; {@code planned} is how many items
 * the run meant to ask ({@code -1}: unknown, a run of tailgap 0.1). {@code truncated} counts answers the token limit
 * cut off, per bucket in {@code truncatedByBucket} (head to tail). {@code fromCache} counts answers served by the
 * response cache, {@code fromEarlierAttempts} answers kept from an earlier attempt of this run. {@code served} lists
 * the distinct (model, fingerprint) pairs the replies named, with how many items each answered; more than one means
 * the endpoint changed what it served during the run. {@code endpoint} holds the facts the endpoint gave about itself
 * when the run started (see the run's spec.json), keys sorted.
 */
public record RunIntegrity(boolean complete, int planned, int truncated, Map<String, Integer> truncatedByBucket,
                           int fromCache, int fromEarlierAttempts, List<Served> served, Map<String, String> endpoint) {

    /** A report whose provenance was not recorded (built in memory, or from a tailgap 0.1 run): complete, unknown. */
    public static final RunIntegrity UNKNOWN = new RunIntegrity(true, -1, 0, Map.of(), 0, 0, List.of(), Map.of());

    public RunIntegrity {
        truncatedByBucket = truncatedByBucket == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(truncatedByBucket));
        served = served == null ? List.of() : List.copyOf(served);
        endpoint = endpoint == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(endpoint));
    }

    /** One model a run's replies named, and how many items it answered. */
    public record Served(String model, String fingerprint, int items) {
    }

    /** Items the run meant to ask but did not ({@code 0} when unknown or complete). */
    public int unasked(int asked) {
        return planned < 0 ? 0 : Math.max(0, planned - asked);
    }

    private String perBucket() {
        StringBuilder sb = new StringBuilder();
        truncatedByBucket.forEach((bucket, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(bucket).append(' ')
                .append(Numbers.count(n)));
        return sb.toString();
    }

    /** True when the replies named more than one served model or fingerprint. */
    public boolean servedChanged() {
        return served.size() > 1;
    }

    /** The one-line warning an incomplete run carries in every output, or {@code null} when complete. */
    public String incompleteBanner(int asked) {
        if (complete) {
            return null;
        }
        return "INCOMPLETE: " + Numbers.count(asked) + " of " + (planned < 0 ? "?" : Numbers.count(planned))
                + " planned items were asked; these figures are not the run's result";
    }

    /** Lines for a report's notes: truncation, cache, earlier attempts, served-model changes; empty when none apply. */
    public List<String> notes(int asked) {
        List<String> notes = new java.util.ArrayList<>();
        if (truncated > 0) {
            notes.add(Numbers.count(truncated) + " of " + Numbers.count(asked) + " answers ("
                    + Numbers.pct((double) truncated / Math.max(1, asked)) + "%) were cut off by the token limit "
                    + "(finish reason \"length\"; per bucket: " + perBucket()
                    + "); raise --max-tokens if the answers themselves were cut");
        }
        if (fromCache > 0 || fromEarlierAttempts > 0) {
            notes.add(Numbers.count(fromCache) + " answers came from the response cache and "
                    + Numbers.count(fromEarlierAttempts) + " from earlier attempts of this run, all under the same "
                    + "served identity");
        }
        if (servedChanged()) {
            notes.add(servedChangeNote());
        }
        return notes;
    }

    /** Which served models answered how many items, when there was more than one; else {@code null}. */
    public String servedChangeNote() {
        if (!servedChanged()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the endpoint changed what it served during the run:");
        for (Served s : served) {
            sb.append(' ').append(s.model() == null ? "(no model)" : s.model());
            if (s.fingerprint() != null) {
                sb.append(" [").append(s.fingerprint()).append(']');
            }
            sb.append(" answered ").append(Numbers.count(s.items())).append(';');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
