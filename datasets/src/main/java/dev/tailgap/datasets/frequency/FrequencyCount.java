package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code tailgap frequency count} as a Java API: expands the corpus paths, compiles the matcher over the dataset's
 * items, counts the corpus on this machine (resuming saved progress), writes the counted dataset and then removes
 * the saved progress.
 */
public final class FrequencyCount {

    private FrequencyCount() {
    }

    /**
     * What to count: the corpus paths (files, directories, globs), where the counted dataset goes, which count
     * becomes its frequency, how names are matched, how the corpus is read, and where progress is saved
     * ({@code null}: {@link #defaultStateDir(Path)}).
     */
    public record Request(List<String> corpus, Path out, Measure measure, MatchOptions match, CountSettings settings,
                          Path stateDir) {
        public Request {
            corpus = List.copyOf(corpus);
            if (corpus.isEmpty()) {
                throw new IllegalArgumentException("no corpus path given");
            }
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(settings, "settings");
        }

        /** The request for a count on this machine, which reads every format but Parquet. */
        void requireLocal() {
            if (settings.format() == CorpusFormat.PARQUET) {
                throw new IllegalArgumentException("--format parquet is read by the Spark job (tailgap-spark) only; "
                        + "convert the corpus to JSON Lines to count it on one machine");
            }
        }

        Path state() {
            return stateDir != null ? stateDir : defaultStateDir(out);
        }
    }

    /** The outcome: what was written and the corpus counts behind it. */
    public record Outcome(CountedDataset.Written written, CountResult result) {
    }

    /** {@code OUT.count-state} beside the output. */
    public static Path defaultStateDir(Path out) {
        return out.resolveSibling(out.getFileName() + ".count-state");
    }

    /** The count targets of {@code dataset}'s items, in order. */
    public static List<CountTarget> targets(Dataset dataset) {
        List<CountTarget> targets = new ArrayList<>(dataset.size());
        try (Stream<Item> items = dataset.items()) {
            items.forEach(i -> targets.add(CountTarget.of(i)));
        }
        return targets;
    }

    /** Runs the count. */
    public static Outcome run(Dataset dataset, Request r, CorpusCounter.Listener listener, Clock clock)
            throws IOException, BadShardException, InterruptedException {
        r.requireLocal();
        List<CorpusFile> files = CorpusPaths.expand(r.corpus());
        ConceptMatcher matcher = ConceptMatcher.compile(targets(dataset), r.match());
        CountState state = CountState.open(r.state(), CorpusCounter.plan(dataset.sha256(), r.match(), r.settings(),
                files));
        CountResult result = CorpusCounter.count(matcher, files, r.settings(), state, ShardOpener.LOCAL, listener);
        CountedDataset.Written written = CountedDataset.write(dataset, matcher, result, r.measure(), r.match(),
                r.settings(), clock.instant(), r.out());
        state.delete();
        return new Outcome(written, result);
    }
}
