package dev.tailgap.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.Manifest;
import dev.tailgap.datasets.frequency.BadShardException;
import dev.tailgap.datasets.frequency.CorpusCounter;
import dev.tailgap.datasets.frequency.CorpusFormat;
import dev.tailgap.datasets.frequency.CountResult;
import dev.tailgap.datasets.frequency.CountSettings;
import dev.tailgap.datasets.frequency.FrequencyCount;
import dev.tailgap.datasets.frequency.MatchOptions;
import dev.tailgap.datasets.frequency.Measure;
import dev.tailgap.datasets.frequency.SyntheticCorpus;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in a real local[2] session gives exactly the single-machine counts and output. */
class SparkFrequencyCountTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("tailgap-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static FrequencyCount.Request request(Path corpus, Path out, boolean skip) {
        return new FrequencyCount.Request(List.of(corpus.toString()), out, Measure.COOCCURRENCE, MatchOptions.DEFAULT,
                CountSettings.defaults().withBlockSize(48 << 10).withThreads(2).withSkipBadShards(skip), null);
    }

    @Test
    void theSparkJobCountsExactlyWhatOneMachineCounts() throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(21, 400, 1.05, 30));
        Path datasetFile = dir.resolve("synthetic.jsonl");
        DatasetWriter.writeAll(datasetFile, new Manifest("synthetic", "1", "", "CC0", "", "", "rank", "log10"),
                corpus.items());
        Path c = Files.createDirectories(dir.resolve("corpus"));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        StringBuilder z = new StringBuilder();
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < 2000; d++) {
            StringWriter w = new StringWriter();
            corpus.writeDocument(w);
            rows.add(RowFactory.create(w.toString(), d));
            (d < 1200 ? a : d < 1600 ? b : z).append(w).append('\n');
        }
        Files.writeString(c.resolve("a.txt"), a);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(c.resolve("b.txt.gz")))) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(c.resolve("c.txt.zst")))) {
            out.write(z.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(c.resolve("_SUCCESS"), "");
        Dataset dataset = DatasetLoader.load(DatasetSource.resolve(datasetFile.toString()), LoadOptions.strict());

        Path local = dir.resolve("local.jsonl");
        FrequencyCount.Outcome one = FrequencyCount.run(dataset, request(c, local, false), (raw, text, docs) -> { },
                CLOCK);
        Path distributed = dir.resolve("spark.jsonl");
        FrequencyCount.Outcome many = SparkFrequencyCount.run(spark, dataset, request(c, distributed, false), CLOCK);

        assertThat(many.result().units()).as("a.txt is cut into blocks").isGreaterThan(4)
                .isEqualTo(one.result().units());
        assertThat(Files.readAllBytes(distributed)).isEqualTo(Files.readAllBytes(local));
        assertThat(many.result().counts().documents()).isEqualTo(2000).isEqualTo(one.result().counts().documents());
        assertThat(many.result().counts().textBytes()).isEqualTo(one.result().counts().textBytes());
        assertThat(many.result().files().stream().map(CountResult.FileDigest::sha256).toList())
                .isEqualTo(one.result().files().stream().map(CountResult.FileDigest::sha256).toList());
        SyntheticCorpus.Expected e = corpus.expected();
        List<Item> items;
        try (Stream<Item> s = DatasetLoader.load(DatasetSource.resolve(distributed.toString()),
                LoadOptions.strict()).items()) {
            items = s.toList();
        }
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).frequency()).as(items.get(i).id()).isEqualTo((double) e.cooccurrence()[i]);
            assertThat(((Number) items.get(i).meta().get("corpus_docs")).longValue()).isEqualTo(e.docs()[i]);
        }
        assertThat(Files.readString(dir.resolve("spark.manifest.yaml")))
                .contains("frequencySource: \"corpus count (cooccurrence): ");

        Path parquet = dir.resolve("parquet");
        spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType).add("id", DataTypes.IntegerType))
                .repartition(3).write().parquet(parquet.toString());
        Path fromParquet = dir.resolve("parquet.jsonl");
        FrequencyCount.Outcome pq = SparkFrequencyCount.run(spark, dataset, new FrequencyCount.Request(
                List.of(parquet.toString()), fromParquet, Measure.COOCCURRENCE, MatchOptions.DEFAULT,
                CountSettings.defaults().withFormat(CorpusFormat.PARQUET), null), CLOCK);
        assertThat(Files.readAllBytes(fromParquet)).isEqualTo(Files.readAllBytes(local));
        assertThat(pq.result().counts().documents()).isEqualTo(2000);
        assertThat(pq.result().files()).hasSize(3);

        Files.write(c.resolve("d.txt"), new byte[] {'o', 'k', '\n', 'x', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> SparkFrequencyCount.run(spark, dataset, request(c, dir.resolve("bad.jsonl"), false),
                CLOCK)).isInstanceOf(BadShardException.class).hasMessageEndingWith("d.txt: offset 4: invalid UTF-8 "
                + "(1 bad byte)");
        FrequencyCount.Outcome skipped = SparkFrequencyCount.run(spark, dataset, request(c, dir.resolve("skip.jsonl"),
                true), CLOCK);
        assertThat(skipped.result().skipped()).singleElement()
                .satisfies(s -> assertThat(s.problem()).contains("d.txt: offset 4"));
        assertThat(Files.readAllBytes(dir.resolve("skip.jsonl"))).isEqualTo(Files.readAllBytes(local));
        assertThat(CorpusCounter.sha256((path, offset) -> Files.newInputStream(Path.of(path)), local.toString()))
                .hasSize(64);
    }

}
