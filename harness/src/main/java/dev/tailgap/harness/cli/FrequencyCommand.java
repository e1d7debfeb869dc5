package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.frequency.BadShardException;
import dev.tailgap.datasets.frequency.CorpusFormat;
import dev.tailgap.datasets.frequency.CountSettings;
import dev.tailgap.datasets.frequency.FrequencyCount;
import dev.tailgap.datasets.frequency.MatchOptions;
import dev.tailgap.datasets.frequency.Measure;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailgap frequency count | synth}: concept frequency from a pretraining corpus. */
@Command(name = "frequency", mixinStandardHelpOptions = true,
        description = "Concept frequency from a pretraining corpus: count, for every item, how often its concept "
                + "occurs, and make that the item's frequency.",
        subcommands = {FrequencyCommand.Count.class, SynthCommand.class})
final class FrequencyCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "count", mixinStandardHelpOptions = true,
            description = {"Count every item's concept in a corpus in one streaming pass and write the dataset with "
                    + "frequency set to the chosen count; all three counts and the frequency before are kept in "
                    + "each item's meta, and the manifest says what frequency now measures, in which corpus, when.",
                "Matching: the concept's names (concept and conceptAliases) and the answers as whole words, after "
                    + "the scorer's folding (case, diacritics, punctuation, articles). Not caught: inflections "
                    + "(\"Parisian\"), pronouns and other coreference; not told apart: different concepts with one "
                    + "name (\"Paris\" the city and the person count the same documents).",
                "An interrupted count keeps the units it finished: run the same command again to continue."})
    static final class Count implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|FILE",
                description = "The dataset whose concepts are counted.")
        String dataset;

        @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Corpus files, directories (every file under them) or globs (quote them: "
                        + "'shards/*.jsonl.zst'); .gz and .zst/.zstd files are decompressed.")
        List<String> corpus;

        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl",
                description = "Where the counted dataset goes; its manifest and NAME.corpus.json go beside it.")
        Path out;

        @Option(names = "--frequency", paramLabel = "COUNT",
                description = "Which count becomes the frequency: mentions, docs or cooccurrence (documents with "
                        + "the concept and an answer, Kandpal et al.'s relevant documents; the default).")
        String frequency;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "lines (a document per line, the default), file (a document per file) or jsonl "
                        + "(parquet: with the Spark job only).")
        String format;

        @Option(names = "--text-field", paramLabel = "NAME",
                description = "The JSON field holding a document's text (default: " + CountSettings.DEFAULT_TEXT_FIELD
                        + ").")
        String textField;

        @Option(names = "--min-alias-length", paramLabel = "N",
                description = "Count only concept names of at least N characters after folding (default: all).")
        Integer minAliasLength;

        @Option(names = "--relation-window", paramLabel = "N",
                description = "Count a mention only when a word of the item's relation is within N words of it "
                        + "(default: off).")
        Integer relationWindow;

        @Option(names = "--threads", paramLabel = "N", description = "Counting threads (default: one per core).")
        Integer threads;

        @Option(names = "--block-size", paramLabel = "BYTES",
                description = "Uncompressed line files are counted in blocks of this size, e.g. 64m (the default).")
        String blockSize;

        @Option(names = "--skip-bad-shards",
                description = "Report bad units (invalid UTF-8, broken JSON, truncated archives) and leave them "
                        + "out instead of stopping; they are listed in the manifest and NAME.corpus.json.")
        boolean skipBadShards;

        @Option(names = "--state-dir", paramLabel = "DIR",
                description = "Where progress is saved (default: OUT.count-state beside the output).")
        Path stateDir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FrequencyCount.Request request;
            try {
                CountSettings s = CountSettings.defaults();
                if (format != null) {
                    s = s.withFormat(CorpusFormat.parse(format));
                }
                if (textField != null) {
                    s = s.withTextField(textField);
                }
                if (threads != null) {
                    s = s.withThreads(threads);
                }
                if (blockSize != null) {
                    s = s.withBlockSize(CountSettings.parseBytes("--block-size", blockSize));
                }
                s = s.withSkipBadShards(skipBadShards);
                MatchOptions m = new MatchOptions(
                        minAliasLength == null ? MatchOptions.DEFAULT.minAliasLength() : minAliasLength,
                        relationWindow == null ? MatchOptions.DEFAULT.relationWindow() : relationWindow);
                request = new FrequencyCount.Request(corpus, out(), frequency == null ? Measure.DEFAULT
                        : Measure.parse(frequency), m, s, stateDir);
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(e.getMessage());
            }
            Dataset d = DatasetFiles.load(dataset, false);
            CountProgress progress = new CountProgress(err, System.console() != null);
            long start = System.nanoTime();
            FrequencyCount.Outcome o;
            try {
                o = FrequencyCount.run(d, request, progress, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(e.getMessage());
            } catch (BadShardException e) {
                progress.finish();
                throw TailgapException.usage(e.getMessage() + " (the units counted so far are saved in "
                        + stateDirOf(request) + "; fix or remove the file and run the same command again to continue, "
                        + "or add --skip-bad-shards)");
            } catch (IOException | UncheckedIOException e) {
                progress.finish();
                throw TailgapException.usage(e.getMessage());
            } catch (IllegalStateException e) {
                progress.finish();
                throw TailgapException.usage(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TailgapException.usage("interrupted; run the same command again to continue");
            }
            progress.finish();
            double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            var w = o.written();
            var r = o.result();
            out.printf(Locale.ROOT, "wrote %,d items to %s as %s: frequency = corpus %s (%,d items with count 0, "
                            + "kept)%n", w.size(), w.items(), w.manifest().id(), request.measure().cliName(),
                    w.zeros());
            out.printf(Locale.ROOT, "counted %,d documents, %,.1f MB of text in %,d files (%d units, %d resumed) in "
                            + "%.1f s: %.1f MB/s%n", r.counts().documents(), r.counts().textBytes() / 1e6,
                    r.files().size(), r.units(), r.resumedUnits(), secs, r.counts().textBytes() / 1e6 / secs);
            for (var s : r.skipped()) {
                out.println("skipped: " + s.problem());
            }
            out.flush();
            return 0;
        }

        private Path out() {
            if (!out.getFileName().toString().endsWith(".jsonl")) {
                throw new IllegalArgumentException("--out must name a .jsonl file, got " + out);
            }
            return out;
        }

        private static Path stateDirOf(FrequencyCount.Request r) {
            return r.stateDir() != null ? r.stateDir() : FrequencyCount.defaultStateDir(r.out());
        }
    }
}
