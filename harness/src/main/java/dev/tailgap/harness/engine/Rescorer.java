package dev.tailgap.harness.engine;

import dev.tailgap.harness.record.SavedRun;
import dev.tailgap.harness.record.Aggregator;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.Version;
import dev.tailgap.harness.cache.ResponseCache;
import dev.tailgap.harness.scoring.AliasRule;
import dev.tailgap.harness.scoring.Scorer;
import dev.tailgap.harness.scoring.ScorerSetup;
import dev.tailgap.harness.scoring.ScoringItem;
import dev.tailgap.harness.scoring.ThinkBlocks;
import dev.tailgap.harness.protocol.Extraction;
import dev.tailgap.reports.SampleAnswer;
import dev.tailgap.harness.scoring.Verdict;
import dev.tailgap.reports.ItemLog;
import dev.tailgap.reports.ItemResult;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.MarkdownReport;
import dev.tailgap.reports.Outcome;
import dev.tailgap.reports.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Rescores a saved run with another scorer (or bucketing) into a new run directory, from the saved answers: the model
 * is never called (a judge is, through the response cache). The new directory's spec records the source run and its
 * scorer under {@code settings.rescoredFrom}; everything else (model, prompt, dataset, sampling) is the source's.
 * Items that failed at the endpoint stay ERROR. Rescoring into the same directory again keeps the items already
 * rescored (as a resumed run does) and scores only the rest.
 */
public final class Rescorer {
    private final Function<String, String> env;
    private final ResponseCache cache;

    /** A rescorer whose judge (if any) answers from and fills {@code cache} ({@code null}: none). */
    public Rescorer(Function<String, String> env, ResponseCache cache) {
        this.env = env;
        this.cache = cache;
    }

    /**
     * Rescores {@code source} into {@code out} with {@code spec}'s scorer, scoring options and concurrency (the rest
     * of {@code spec} is the source's, see {@link RunSpecFile#read}); {@code bucketing} {@code null} keeps the
     * source's buckets, else they are recomputed from the whole dataset, which must then be readable.
     */
    public RunResult rescore(Path source, RunSpec spec, String bucketing, Path out) {
        SavedRun from = SavedRun.read(source);
        Path items = source.resolve(RunDirectory.ITEMS);
        if (!Files.isRegularFile(items)) {
            throw TailgapException.usage(source + " has no " + RunDirectory.ITEMS + " to rescore");
        }
        long[] logged = {0};
        RunReports.source(source).forEach(r -> logged[0]++);
        long planned = logged[0];
        from.requireComplete(source, planned, false);
        if (source.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw TailgapException.usage("rescore writes a new run directory: give --out another directory than "
                    + source);
        }
        Bucketing buckets = bucketing == null ? from.bucketing() : rebucket(spec.sampling().dataset(), bucketing);
        String sourceScorer = String.valueOf(from.settings().get("scorer"));
        AliasRule aliases = sourceScorer.contains("(aliases:plain)") ? AliasRule.PLAIN : AliasRule.GUARDED;
        try (ScorerSetup setup = ScorerSetup.open(spec, aliases, cache, env)) {
            Scorer scorer = setup.scorer();
            Map<String, Object> settings = new LinkedHashMap<>(from.settings());
            settings.put("scorer", scorer.describe());
            settings.put("bucketing", buckets.scheme());
            settings.put(RunSpecFile.RESCORED_FROM, Map.of("run", source.toAbsolutePath().normalize().getFileName().toString(),
                    "scorer", sourceScorer));
            SavedRun record = new SavedRun(settings, from.dataset(), buckets, from.minBucketSize(),
                    bucketing == null ? from.relationSizes() : java.util.List.of());
            try (RunLock lock = RunLock.acquire(out)) {
                return rescore(source, spec, out, from, record, planned, settings, items, scorer, resumeOf(spec,
                        source));
            }
        }
    }

    private static Map<String, Object> resumeOf(RunSpec spec, Path source) {
        Map<String, Object> resume = new LinkedHashMap<>(RunSpecFile.toMap(spec, spec.sampling().dataset()));
        resume.put(RunSpecFile.RESCORED_FROM, source.toAbsolutePath().normalize().toString());
        return resume;
    }

    private static RunResult rescore(Path source, RunSpec spec, Path out, SavedRun from, SavedRun planned,
                                     long count, Map<String, Object> settings, Path items, Scorer scorer,
                                     Map<String, Object> resume) {
        Bucketing buckets = planned.bucketing();
        RunDirectory dir = new RunDirectory(out);
        Aggregator aggregator = new Aggregator(buckets, planned.minBucketSize());
        DoneIds done = new DoneIds();
        RunState previous = dir.state();
        RunState state = new RunState(RunState.Status.RUNNING, count,
                previous == null ? 1 : previous.attempt() + 1);
        long kept = dir.open(planned.toSpecFile(), resume, state, r -> {
            aggregator.add(r);
            done.add(r.id());
        });
        done.seal();
        long scored = score(items, buckets, scorer, spec.generation().prompting().extraction(), dir, aggregator,
                done, spec.execution().concurrency());
        boolean complete = aggregator.total() == count;
        dir.writeState(state.with(complete ? RunState.Status.COMPLETE : RunState.Status.STOPPED));
        Report report = aggregator.report(Version.tool(), planned.dataset(), settings, planned.minBucketSize(),
                        planned.relationSizes()).withIntegrity(aggregator.integrity(complete, count, state.attempt(), from.served()));
        dir.writeAtomically(RunDirectory.REPORT_JSON, JsonReport.render(report));
        dir.writeAtomically(RunDirectory.REPORT_MD, MarkdownReport.render(report));
        RunReports.writeHtml(out, report);
        return new RunResult(out, report, ExitCode.OK, "", kept, scored, 0, List.of());
    }

    private static long score(Path items, Bucketing buckets, Scorer scorer, Extraction extraction, RunDirectory dir,
                              Aggregator aggregator, DoneIds done, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "tailgap-rescore");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(2 * concurrency);
        long n = 0;
        try (ItemLogWriter log = dir.itemLog(ItemLogWriter.Sync.GROUP);
             ItemLog.Reader reader = ItemLog.read(items)) {
            for (ItemResult r : reader) {
                if (done.contains(r.id())) {
                    continue;
                }
                n++;
                slots.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        ItemResult x = rescored(r, buckets, scorer, extraction);
                        log.append(x, durable -> {
                            if (durable) {
                                aggregator.add(x);
                            }
                        });
                    } finally {
                        slots.release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        } catch (IOException | UncheckedIOException e) {
            throw TailgapException.usage("cannot rescore " + items + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TailgapException.usage("rescore interrupted; rerun it to continue");
        } finally {
            pool.shutdownNow();
        }
        return n;
    }

    /**
     * One saved result under the new scorer and bucketing, each repeated sample too, the reply cut by the run's
     * {@code extraction} as it was when asked; endpoint failures stay as they were.
     */
    static ItemResult rescored(ItemResult r, Bucketing buckets, Scorer scorer, Extraction extraction) {
        String bucket = buckets.buckets().get(buckets.assign(r.frequency())).name();
        List<SampleAnswer> samples = new java.util.ArrayList<>(r.samples().size());
        for (SampleAnswer s : r.samples()) {
            if (s.rawAnswer() == null) {
                samples.add(s);
            } else {
                Verdict v = ScorerSetup.score(scorer, ScoringItem.of(r),
                        extraction.apply(ThinkBlocks.split(s.rawAnswer()).answer()));
                samples.add(new SampleAnswer(s.rawAnswer(), v.extracted(), v.outcome(),
                        v.outcome() == Outcome.ERROR ? v.reason() : null));
            }
        }
        if (r.rawAnswer() == null) {
            return r.rescored(bucket, null, Outcome.ERROR, r.error(), null, null).withRepeats(r.shots(), samples);
        }
        // reasoning is never scored: the answer after a leading <think> block, as the run scored it
        Verdict v = ScorerSetup.score(scorer, ScoringItem.of(r),
                extraction.apply(ThinkBlocks.split(r.rawAnswer()).answer()));
        return r.rescored(bucket, v.extracted(), v.outcome(), v.outcome() == Outcome.ERROR ? v.reason() : null,
                v.reason(), v.judge()).withRepeats(r.shots(), samples);
    }

    /** Buckets computed from the whole dataset recorded in the run's spec. */
    static Bucketing rebucket(String dataset, String scheme) {
        BucketScheme parsed;
        try {
            parsed = BucketScheme.parse(scheme);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("bucketing '" + scheme + "': " + e.getMessage());
        }
        return parsed.apply(DatasetFiles.load(dataset, true).frequencies());
    }
}
