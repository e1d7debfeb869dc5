package dev.tailgap.datasets.frequency;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts a corpus on one machine: its units ({@link CorpusUnit#plan}) in parallel on {@link CountSettings#threads()}
 * threads, each into its own {@link CorpusCounts}, saved to the {@link CountState} when done and merged exactly; the
 * files' sha256 are computed by the same threads. Units saved by an earlier, interrupted count are loaded instead
 * of counted again, so a killed count run again gives the same result as one never interrupted.
 *
 * <p>A bad unit ({@link BadShardException}) stops the count: no new unit starts, the running ones finish and are
 * saved, and the first problem is thrown. With {@link CountSettings#skipBadShards()} the unit is recorded as
 * skipped instead and the count goes on.
 */
public final class CorpusCounter {

    /** Hears about a count's progress; called from the counting threads. */
    public interface Listener extends UnitReader.Progress {
        /** Before counting: the raw bytes of all units and of those resumed, the number of units and resumed ones. */
        default void started(long totalBytes, long resumedBytes, int units, int resumedUnits) {
        }

        /** After unit {@code unit} was counted and saved. */
        default void unitDone(CorpusUnit unit) {
        }
    }

    private CorpusCounter() {
    }

    /** The plan text of a count: what must not change between an interrupted count and its resumption. */
    public static String plan(String datasetSha256, MatchOptions match, CountSettings settings, List<CorpusFile> files) {
        StringBuilder b = new StringBuilder();
        b.append("dataset ").append(datasetSha256).append('\n');
        b.append("match minAliasLength=").append(match.minAliasLength()).append(" relationWindow=")
                .append(match.relationWindow()).append('\n');
        b.append("format ").append(settings.format().cliName()).append(" textField=").append(settings.textField())
                .append(" blockSize=").append(settings.blockSize()).append('\n');
        for (CorpusFile f : files) {
            b.append("file ").append(f.size()).append(' ').append(f.modified()).append(' ').append(f.path())
                    .append('\n');
        }
        return b.toString();
    }

    /** Counts {@code files} with {@code matcher}, resuming from and saving to {@code state}. */
    public static CountResult count(ConceptMatcher matcher, List<CorpusFile> files, CountSettings settings,
                                    CountState state, ShardOpener opener, Listener listener)
            throws BadShardException, IOException, InterruptedException {
        List<CorpusUnit> units = CorpusUnit.plan(files, settings.format(), settings.blockSize());
        CorpusCounts total = matcher.newCounts();
        List<CountResult.Skipped> skipped = new ArrayList<>();
        List<CorpusUnit> pending = new ArrayList<>();
        long totalBytes = 0;
        long resumedBytes = 0;
        int resumed = 0;
        for (CorpusUnit u : units) {
            long size = u.end() - u.start();
            totalBytes += size;
            CorpusCounts saved = state.counts(u.index(), matcher);
            String problem = settings.skipBadShards() ? state.skipped(u.index()) : null;
            if (saved != null) {
                total.add(saved);
                resumed++;
                resumedBytes += size;
            } else if (problem != null) {
                skipped.add(new CountResult.Skipped(u, problem));
                resumed++;
                resumedBytes += size;
            } else {
                pending.add(u);
            }
        }
        String[] digests = new String[files.size()];
        List<Integer> toHash = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            digests[f] = state.sha256(f);
            if (digests[f] == null) {
                toHash.add(f);
            }
        }
        listener.started(totalBytes, resumedBytes, units.size(), resumed);

        UnitReader reader = new UnitReader(settings.format(), settings.textField(), opener);
        ThreadLocal<DocumentCounter> counters = ThreadLocal.withInitial(matcher::newCounter);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "tailgap-count");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Object> done = new ExecutorCompletionService<>(pool);
        try {
            for (CorpusUnit u : pending) {
                done.submit(countTask(u, reader, counters, matcher, state, settings, stop, listener));
            }
            for (int f : toHash) {
                done.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    String sha = sha256(opener, files.get(f).path());
                    state.saveSha256(f, sha);
                    digests[f] = sha;
                    return null;
                });
            }
            BadShardException first = null;
            IOException io = null;
            for (int i = 0; i < pending.size() + toHash.size(); i++) {
                try {
                    Object r = done.take().get();
                    if (r instanceof CorpusCounts c) {
                        total.add(c);
                    } else if (r instanceof CountResult.Skipped s) {
                        skipped.add(s);
                    }
                } catch (ExecutionException e) {
                    stop.set(true);
                    if (e.getCause() instanceof BadShardException b) {
                        first = first == null ? b : first;
                    } else if (e.getCause() instanceof IOException x) {
                        io = io == null ? x : io;
                    } else {
                        throw new IllegalStateException("counting failed", e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            if (io != null) {
                throw io;
            }
        } finally {
            pool.shutdownNow();
        }
        skipped.sort((a, b) -> Integer.compare(a.unit().index(), b.unit().index()));
        List<CountResult.FileDigest> digestList = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            digestList.add(new CountResult.FileDigest(files.get(f), digests[f]));
        }
        return new CountResult(total, digestList, skipped, units.size(), resumed);
    }

    private static Callable<Object> countTask(CorpusUnit u, UnitReader reader, ThreadLocal<DocumentCounter> counters,
                                              ConceptMatcher matcher, CountState state, CountSettings settings,
                                              AtomicBoolean stop, Listener listener) {
        return () -> {
            if (stop.get()) {
                return null;
            }
            CorpusCounts counts = matcher.newCounts();
            try {
                reader.read(u, counters.get(), counts, listener);
            } catch (BadShardException e) {
                if (!settings.skipBadShards()) {
                    stop.set(true);
                    throw e;
                }
                state.saveSkipped(u.index(), e.getMessage());
                listener.unitDone(u);
                return new CountResult.Skipped(u, e.getMessage());
            }
            state.saveCounts(u.index(), counts);
            listener.unitDone(u);
            return counts;
        };
    }

    /** The sha256 of the raw bytes of {@code path}, lowercase hex. */
    public static String sha256(ShardOpener opener, String path) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = opener.open(path, 0)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
