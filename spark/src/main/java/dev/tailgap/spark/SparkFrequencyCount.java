package dev.tailgap.spark;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.frequency.BadShardException;
import dev.tailgap.datasets.frequency.ConceptMatcher;
import dev.tailgap.datasets.frequency.CorpusCounter;
import dev.tailgap.datasets.frequency.CorpusCounts;
import dev.tailgap.datasets.frequency.CorpusFile;
import dev.tailgap.datasets.frequency.CorpusUnit;
import dev.tailgap.datasets.frequency.CountResult;
import dev.tailgap.datasets.frequency.CountSettings;
import dev.tailgap.datasets.frequency.CountedDataset;
import dev.tailgap.datasets.frequency.CorpusFormat;
import dev.tailgap.datasets.frequency.DocumentCounter;
import dev.tailgap.datasets.frequency.FrequencyCount;
import dev.tailgap.datasets.frequency.UnitReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code tailgap frequency count} as a Spark job: the same units ({@link CorpusUnit#plan}), read by the same
 * {@link UnitReader} and counted by the same {@link ConceptMatcher}, one Spark task per unit, with the counts merged
 * on the executors (a tree reduce) and the counted dataset written on the driver by {@link CountedDataset}, so its
 * output is the single-machine output. Corpus paths are whatever Hadoop reads (local, {@code hdfs://},
 * {@code s3a://} with its connector); the dataset is read from and written to the driver's file system. Parquet
 * corpora ({@link CorpusFormat#PARQUET}) are read with Spark's own Parquet reader, one task per partition. A bad unit
 * fails the job with its one-line problem unless bad shards are skipped. Spark retries failed tasks; the job does not
 * save progress between runs (the single-machine count does).
 */
public final class SparkFrequencyCount {

    private SparkFrequencyCount() {
    }

    /** {@code spark-submit --class dev.tailgap.spark.SparkFrequencyCount tailgap-spark.jar OPTIONS}. */
    public static void main(String[] args) {
        PrintStream err = System.err;
        SparkArgs a;
        try {
            a = SparkArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tailgap-spark: error: " + e.getMessage());
            err.println(SparkArgs.USAGE);
            System.exit(2);
            return;
        }
        if (a == null) {
            System.out.println(SparkArgs.USAGE);
            return;
        }
        int code = 0;
        SparkSession spark = SparkSession.builder().appName("tailgap frequency count").getOrCreate();
        try {
            Dataset d = DatasetLoader.load(DatasetSource.resolve(a.dataset()), LoadOptions.strict());
            FrequencyCount.Outcome o = run(spark, d, a.request(), Clock.systemUTC());
            CountedDataset.Written w = o.written();
            System.out.printf(Locale.ROOT, "wrote %,d items to %s as %s (%,d with count 0); counted %,d documents in "
                            + "%,d files, %d units%n", w.size(), w.items(), w.manifest().id(), w.zeros(),
                    o.result().counts().documents(), o.result().files().size(), o.result().units());
            o.result().skipped().forEach(s -> System.out.println("skipped: " + s.problem()));
        } catch (BadShardException | DatasetException | IOException e) {
            err.println("tailgap-spark: error: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Counts {@code r.corpus()} for {@code dataset} on {@code spark} and writes {@code r.out()}. */
    public static FrequencyCount.Outcome run(SparkSession spark, Dataset dataset, FrequencyCount.Request r,
                                             Clock clock) throws IOException, BadShardException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        List<CorpusFile> files = list(conf, r.corpus());
        CountSettings settings = r.settings();
        List<CorpusUnit> units = CorpusUnit.plan(files, settings.format(), settings.blockSize());
        CountPlan plan = new CountPlan(FrequencyCount.targets(dataset), r.match());
        ConceptMatcher matcher = ConceptMatcher.compile(plan.targets(), plan.match());
        Broadcast<CountPlan> shared = jsc.broadcast(plan);
        HadoopOpener opener = new HadoopOpener(conf);
        boolean skip = settings.skipBadShards();
        UnitOutcome merged;
        List<String> digests;
        try {
            merged = settings.format() == CorpusFormat.PARQUET ? parquet(spark, files, settings.textField(), shared)
                    : jsc.parallelize(units, Math.max(1, units.size())).map(u -> {
                ConceptMatcher m = MatcherCache.get(shared);
                UnitOutcome out = new UnitOutcome(m.newCounts());
                try {
                    new UnitReader(settings.format(), settings.textField(), opener).read(u, m.newCounter(),
                            out.counts, UnitReader.Progress.NONE);
                } catch (BadShardException e) {
                    if (!skip) {
                        throw e;
                    }
                    out = new UnitOutcome(m.newCounts());
                    out.skipped.add(new Object[] {u.index(), e.getMessage()});
                }
                return out;
            }).treeReduce(UnitOutcome::merge);
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                indexes.add(i);
            }
            JavaRDD<Integer> fileRdd = jsc.parallelize(indexes, Math.max(1, Math.min(files.size(), 1000)));
            digests = fileRdd.map(i -> CorpusCounter.sha256(opener, files.get(i).path())).collect();
        } catch (Exception e) {
            throw badShard(e);
        } finally {
            shared.destroy();
        }
        CorpusCounts counts = merged.counts;
        List<CountResult.Skipped> skipped = new ArrayList<>();
        merged.skipped.stream().sorted((x, y) -> Integer.compare((Integer) x[0], (Integer) y[0]))
                .forEach(s -> skipped.add(new CountResult.Skipped(units.get((Integer) s[0]), (String) s[1])));
        List<CountResult.FileDigest> fileDigests = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            fileDigests.add(new CountResult.FileDigest(files.get(i), digests.get(i)));
        }
        int unitCount = settings.format() == CorpusFormat.PARQUET ? merged.units : units.size();
        CountResult result = new CountResult(counts, fileDigests, skipped, unitCount, 0);
        CountedDataset.Written w = CountedDataset.write(dataset, matcher, result, r.measure(), r.match(), settings,
                clock.instant(), r.out());
        return new FrequencyCount.Outcome(w, result);
    }

    /**
     * Counts Parquet files with Spark's Parquet reader: the {@code textField} column, one partition per task; a null
     * or empty text is not a document. A file Spark cannot read fails the job (Parquet has no line offsets to skip to).
     */
    private static UnitOutcome parquet(SparkSession spark, List<CorpusFile> files, String textField,
                                       Broadcast<CountPlan> shared) {
        String[] paths = files.stream().map(CorpusFile::path).toArray(String[]::new);
        JavaRDD<Row> rows = spark.read().parquet(paths).select(textField).javaRDD();
        return rows.mapPartitions((Iterator<Row> it) -> {
            ConceptMatcher m = MatcherCache.get(shared);
            DocumentCounter counter = m.newCounter();
            UnitOutcome out = new UnitOutcome(m.newCounts());
            out.units = 1;
            while (it.hasNext()) {
                Row r = it.next();
                String text = r.isNullAt(0) ? "" : r.getString(0);
                if (!text.isEmpty()) {
                    counter.count(text, out.counts);
                    out.counts.addTextBytes(text.getBytes(StandardCharsets.UTF_8).length);
                }
            }
            return List.of(out).iterator();
        }).treeReduce(UnitOutcome::merge);
    }

    /**
     * The {@link BadShardException} behind a failed job: the exception itself when it travelled as the cause, or
     * rebuilt from the task failure message Spark reports; any other failure is rethrown as it is.
     */
    private static BadShardException badShard(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadShardException b) {
                return b;
            }
        }
        String marker = BadShardException.class.getName() + ": ";
        String msg = String.valueOf(e.getMessage());
        int at = msg.indexOf(marker);
        if (at >= 0) {
            String line = msg.substring(at + marker.length()).lines().findFirst().orElse("");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*): offset (\\d+): (.*)").matcher(line);
            if (m.matches()) {
                return new BadShardException(m.group(1), Long.parseLong(m.group(2)), m.group(3));
            }
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException("the Spark job failed: " + msg, e);
    }

    /**
     * The corpus files of {@code args} through Hadoop: each argument is a file, a directory (every file under it) or a
     * glob; under directories, names starting with {@code .} or {@code _} are left out; sorted by path.
     */
    static List<CorpusFile> list(Configuration conf, List<String> args) throws IOException {
        TreeMap<String, CorpusFile> files = new TreeMap<>();
        for (String arg : args) {
            Path p = new Path(arg);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(p);
            int before = files.size();
            if (matched != null) {
                for (FileStatus st : matched) {
                    if (st.isDirectory()) {
                        RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
                        while (it.hasNext()) {
                            LocatedFileStatus f = it.next();
                            if (visible(st.getPath(), f.getPath())) {
                                add(files, f);
                            }
                        }
                    } else if (!hidden(st.getPath().getName())) {
                        add(files, st);
                    }
                }
            }
            if (files.size() == before) {
                throw new IOException(arg + ": matches no corpus file");
            }
        }
        return new ArrayList<>(files.values());
    }

    private static void add(TreeMap<String, CorpusFile> files, FileStatus st) {
        String path = st.getPath().toString();
        files.put(path, new CorpusFile(path, st.getLen(), st.getModificationTime()));
    }

    private static boolean visible(Path root, Path file) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            if (hidden(p.getName())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}
