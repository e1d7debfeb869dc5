package dev.tailgap.spark;

import dev.tailgap.datasets.frequency.CorpusFormat;
import dev.tailgap.datasets.frequency.CountSettings;
import dev.tailgap.datasets.frequency.FrequencyCount;
import dev.tailgap.datasets.frequency.MatchOptions;
import dev.tailgap.datasets.frequency.Measure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's command line: the options of {@code tailgap frequency count} that apply to a cluster (no threads, no
 * saved progress), with the same defaults.
 */
record SparkArgs(String dataset, FrequencyCount.Request request) {

    static final String USAGE = "usage: spark-submit --class dev.tailgap.spark.SparkFrequencyCount tailgap-spark.jar "
            + "--dataset FILE.jsonl --corpus PATH [PATH...] --out FILE.jsonl [--frequency mentions|docs|cooccurrence] "
            + "[--format lines|file|jsonl|parquet] [--text-field NAME] [--min-alias-length N] [--relation-window N] "
            + "[--block-size BYTES] [--skip-bad-shards]";

    /** The parsed arguments, or {@code null} for {@code --help}. */
    static SparkArgs parse(String[] args) {
        String dataset = null;
        List<String> corpus = new ArrayList<>();
        Path out = null;
        Measure measure = Measure.DEFAULT;
        CountSettings s = CountSettings.defaults();
        int minAlias = MatchOptions.DEFAULT.minAliasLength();
        int window = MatchOptions.DEFAULT.relationWindow();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help":
                case "-h":
                    return null;
                case "--dataset":
                    dataset = value(args, ++i, a);
                    break;
                case "--corpus":
                    corpus.add(value(args, ++i, a));
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        corpus.add(args[++i]);
                    }
                    break;
                case "--out":
                    out = Path.of(value(args, ++i, a));
                    break;
                case "--frequency":
                    measure = Measure.parse(value(args, ++i, a));
                    break;
                case "--format":
                    s = s.withFormat(CorpusFormat.parse(value(args, ++i, a)));
                    break;
                case "--text-field":
                    s = s.withTextField(value(args, ++i, a));
                    break;
                case "--min-alias-length":
                    minAlias = integer(value(args, ++i, a), a);
                    break;
                case "--relation-window":
                    window = integer(value(args, ++i, a), a);
                    break;
                case "--block-size":
                    s = s.withBlockSize(CountSettings.parseBytes(a, value(args, ++i, a)));
                    break;
                case "--skip-bad-shards":
                    s = s.withSkipBadShards(true);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (dataset == null || corpus.isEmpty() || out == null) {
            throw new IllegalArgumentException("--dataset, --corpus and --out are required");
        }
        return new SparkArgs(dataset, new FrequencyCount.Request(corpus, out, measure,
                new MatchOptions(minAlias, window), s, null));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String v, String option) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a whole number, got \"" + v + "\"");
        }
    }
}
