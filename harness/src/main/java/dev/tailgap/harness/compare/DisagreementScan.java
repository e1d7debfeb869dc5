package dev.tailgap.harness.compare;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.harness.engine.RunDirectory;
import dev.tailgap.harness.engine.RunReports;
import dev.tailgap.harness.record.RunOutcomes;
import dev.tailgap.reports.Comparison.Disagreement;
import dev.tailgap.reports.Comparison.Disagreements;
import dev.tailgap.reports.ItemLogLookup;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The items scored in every run that some run got right and another did not: all counted per bucket from the runs'
 * outcome tables, the {@value RunComparer#DISAGREEMENTS_PER_BUCKET} smallest ids of each bucket listed.
 *
 * <p>The baseline is read last, so that while its lines go by every other run's table is whole: each line
 * {@link #offer offered} is judged at once and the bucket's smallest ids kept with where their lines begin; the listed
 * items' questions and answers are then read from those lines alone ({@link ItemLogLookup}), without a second pass
 * over any log. Only when the baseline repeats an id (a later line replacing an earlier one, which may have been kept
 * or pushed out) are its lines offered again, each id's last one only, in a second pass. Not thread-safe.
 */
final class DisagreementScan {
    private final List<String> buckets;
    private final List<Path> dirs;
    private final List<RunOutcomes> outcomes;
    private final List<TreeMap<String, Long>> listed = new ArrayList<>();
    private boolean repeatedIds;

    /** A scan of the runs in {@code dirs}, the first the baseline, whose tables {@code outcomes} are being filled. */
    DisagreementScan(List<String> buckets, List<Path> dirs, List<RunOutcomes> outcomes) {
        this.buckets = buckets;
        this.dirs = dirs;
        this.outcomes = outcomes;
        for (int i = 0; i < buckets.size(); i++) {
            listed.add(new TreeMap<>());
        }
    }

    /**
     * One line of the baseline's log, just put into its table (where {@code fresh} says whether the id was new),
     * every other run's table complete.
     */
    void offer(ItemResult r, int bucket, long offset, boolean fresh) {
        repeatedIds |= !fresh;
        if (bucket < 0 || r.outcome() == Outcome.ERROR || !disagreeing(Dataset.hashId(r.id()))) {
            return;
        }
        TreeMap<String, Long> shown = listed.get(bucket);
        if (shown.size() < RunComparer.DISAGREEMENTS_PER_BUCKET || r.id().compareTo(shown.lastKey()) < 0) {
            shown.put(r.id(), offset);
            if (shown.size() > RunComparer.DISAGREEMENTS_PER_BUCKET) {
                shown.pollLastEntry();
            }
        }
    }

    /** The disagreements, the listed ones with their questions and every run's answer read from the logs. */
    Disagreements result() {
        RunOutcomes base = outcomes.get(0);
        if (repeatedIds) {
            listed.forEach(Map::clear);
            RunReports.forEachAt(dirs.get(0), (r, offset) -> {
                int slot = base.find(r.id());
                if (base.position(slot) == offset) {
                    offer(r, base.bucket(slot), offset, true);
                }
            });
        }
        int[] perBucket = new int[buckets.size()];
        int total = 0;
        for (int s = 0; s < base.capacity(); s++) {
            if (base.used(s) && base.bucket(s) >= 0 && base.outcome(s) != Outcome.ERROR && disagreeing(base.key(s))) {
                perBucket[base.bucket(s)]++;
                total++;
            }
        }
        List<Disagreement> shown = new ArrayList<>();
        List<ItemLogLookup> logs = new ArrayList<>();
        try {
            // a listed item has a line in every run, so every log is there (a run not yet started may have none)
            for (int i = 0; i < dirs.size() && listed.stream().anyMatch(m -> !m.isEmpty()); i++) {
                logs.add(ItemLogLookup.open(dirs.get(i).resolve(RunDirectory.ITEMS)));
            }
            for (int b = 0; b < buckets.size(); b++) {
                for (long offset : listed.get(b).values()) {
                    shown.add(disagreement(logs, logs.get(0).at(offset)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the listed disagreements again: " + e.getMessage(), e);
        } finally {
            for (ItemLogLookup l : logs) {
                try {
                    l.close();
                } catch (IOException ignored) {
                    // read only: nothing to lose
                }
            }
        }
        List<Integer> counts = new ArrayList<>();
        for (int c : perBucket) {
            counts.add(c);
        }
        return new Disagreements(total, counts, RunComparer.DISAGREEMENTS_PER_BUCKET, shown);
    }

    /** Every run scored the item (its id hash) and some got it right, another not. */
    private boolean disagreeing(long key) {
        boolean anyRight = false;
        boolean anyWrong = false;
        for (RunOutcomes run : outcomes) {
            int o = run.find(key);
            if (o < 0 || run.outcome(o) == Outcome.ERROR) {
                return false;
            }
            anyRight |= run.outcome(o) == Outcome.CORRECT;
            anyWrong |= run.outcome(o) != Outcome.CORRECT;
        }
        return anyRight && anyWrong;
    }

    /** The listed item of the baseline {@code first}, with every run's outcome and answer from its last line. */
    private Disagreement disagreement(List<ItemLogLookup> logs, ItemResult first) throws IOException {
        long key = Dataset.hashId(first.id());
        List<Outcome> all = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            RunOutcomes run = outcomes.get(i);
            int slot = run.find(key);
            all.add(run.outcome(slot));
            answers.add(i == 0 ? first.rawAnswer() : logs.get(i).at(run.position(slot)).rawAnswer());
        }
        return new Disagreement(first.id(), first.question(), first.answers(), first.bucket(), all, answers);
    }
}
