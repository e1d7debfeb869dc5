package dev.tailgap.harness.history;

import dev.tailgap.reports.Estimate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the runs index holds about one run directory, all of it read from the directory ({@link RunEntries#read}):
 * its absolute path, dataset id and content hash, model, served model (what the endpoint said it served, or the
 * served identity's digest, or {@code null}), start and end time ({@code null} when unknown), {@link Status},
 * planned, asked and scored item counts, the overall accuracy and the head and tail buckets' accuracy and the
 * head-minus-tail gap with 95% intervals (head and tail {@code null} when the run has none), its tags, the outcome
 * of the last gate run on it ({@code null}: never gated) and a {@code stamp} of its files' sizes and times, which
 * tells when the directory changed since it was indexed. Times are kept to the millisecond.
 */
public record RunEntry(Path dir, String dataset, String datasetSha256, String model, String served, Instant started,
                       Instant ended, Status status, long planned, int asked, int n, Estimate overall, String head,
                       Estimate headAccuracy, String tail, Estimate tailAccuracy, Estimate gap,
                       Map<String, String> tags, GateOutcome gate, String stamp) {

    public RunEntry {
        started = started == null ? null : started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ended = ended == null ? null : ended.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** Where a run stands. */
    public enum Status {
        /** Every planned item was asked and the reports were written. */
        COMPLETE,
        /** An attempt stopped before asking every item (Ctrl-C, endpoint failure). */
        STOPPED,
        /** An attempt is asking items, or died doing so. */
        RUNNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }

    /** When the run happened, for ordering: its end, else its start, else {@link Instant#EPOCH}. */
    public Instant when() {
        return ended != null ? ended : started != null ? started : Instant.EPOCH;
    }

    /** This entry with another gate outcome. */
    public RunEntry withGate(GateOutcome outcome) {
        return new RunEntry(dir, dataset, datasetSha256, model, served, started, ended, status, planned, asked, n,
                overall, head, headAccuracy, tail, tailAccuracy, gap, tags, outcome, stamp);
    }

    /** True when the run has every tag of {@code wanted} with the same value. */
    public boolean hasTags(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
