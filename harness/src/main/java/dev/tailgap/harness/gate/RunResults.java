package dev.tailgap.harness.gate;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.record.RunOutcomes;
import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished run as the gate reads it: its saved spec, its report rebuilt from the item log, and each item's bucket
 * and outcome by the hash of its id (for pairing with a baseline). {@code label} names the run in messages, usually
 * the run directory as the user wrote it. Immutable.
 */
public final class RunResults {
    private final String label;
    private final SavedRun saved;
    private final Report report;
    private final RunOutcomes items;

    private RunResults(String label, SavedRun saved, Report report, RunOutcomes items) {
        this.label = label;
        this.saved = saved;
        this.report = report;
        this.items = items;
    }

    /** Reads a finished run directory (its spec.json and item log); no model is called. */
    public static RunResults read(Path dir) {
        return read(dir, false);
    }

    /**
     * Reads a run directory (its spec.json and item log); no model is called. An unfinished run is a usage error
     * unless {@code allowIncomplete}.
     */
    public static RunResults read(Path dir, boolean allowIncomplete) {
        SavedRun saved = SavedRun.read(dir);
        Path log = dir.resolve(RunDirectory.ITEMS);
        if (!Files.isRegularFile(log)) {
            throw TailgapException.usage(dir + " has no " + RunDirectory.ITEMS + ": the run has not started");
        }
        try (ItemLog.Reader reader = ItemLog.read(log)) {
            RunResults results = of(dir.toString(), saved, () -> new java.util.Iterator<>() {
                private ItemResult next = RunDirectory.next(reader);

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ItemResult next() {
                    ItemResult r = next;
                    next = RunDirectory.next(reader);
                    return r;
                }
            });
            saved.requireComplete(dir, results.report().overall().asked(), allowIncomplete);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(log + ": " + e.getMessage());
        }
    }

    /**
     * The results of a run: {@code items} are its item log's results, in any order, streamed (an item's last line
     * wins); per item only its id hash, bucket and outcome are kept ({@link RunOutcomes}).
     */
    public static RunResults of(String label, SavedRun saved, Iterable<ItemResult> items) {
        Objects.requireNonNull(label, "label");
        Aggregator aggregator = new Aggregator(saved.bucketing());
        RunOutcomes byId = new RunOutcomes();
        int line = 0;
        for (ItemResult r : items) {
            aggregator.add(r);
            byId.put(r.id(), saved.bucketing().indexOf(r.bucket()).getAsInt(), r.outcome(), line++);
        }
        Report report = saved.report(aggregator, Version.tool());
        return new RunResults(label, saved, report, byId);
    }

    public String label() {
        return label;
    }

    public SavedRun saved() {
        return saved;
    }

    public Report report() {
        return report;
    }

    /** The run's model as recorded in its settings, or null. */
    public String model() {
        Object m = saved.settings().get("model");
        return m == null ? null : m.toString();
    }

    /** The outcome of the item whose id hash ({@link dev.tailgap.datasets.Dataset#hashId}) is given, or null. */
    Outcome outcome(long idHash) {
        int slot = items.find(idHash);
        return slot < 0 ? null : items.outcome(slot);
    }

    /** Hears of one item: its id hash and outcome. */
    interface ItemVisitor {
        void visit(long idHash, Outcome outcome);
    }

    /** Calls {@code action} with the id hash and outcome of each item of a bucket ({@code -1}: every item). */
    void forEachIn(int bucket, ItemVisitor action) {
        for (int s = 0; s < items.capacity(); s++) {
            if (items.used(s) && (bucket < 0 || items.bucket(s) == bucket)) {
                action.visit(items.key(s), items.outcome(s));
            }
        }
    }
}
