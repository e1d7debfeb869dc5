package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Item;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.sim.SimModel;
import dev.tailgap.harness.sim.SimParams;
import dev.tailgap.harness.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus-count loop on the command line: synth, count, datasets info, and a run bucketed by the count. */
class FrequencyCliTest {

    @TempDir
    Path dir;

    @Test
    void countThenInfoThenARunBucketedByTheCorpusCount() throws Exception {
        CliTest.Result synth = tailgap("frequency", "synth", "--out", dir.toString(), "--concepts", "300", "--size",
                "400k", "--shards", "2", "--seed", "4");
        assertThat(synth.code()).as(synth.err()).isZero();
        Path counted = dir.resolve("counted.jsonl");
        CliTest.Result count = tailgap("frequency", "count", "-d", dir.resolve("dataset.jsonl").toString(),
                "--corpus", dir.resolve("corpus").toString(), "--out", counted.toString(), "--frequency", "docs",
                "--block-size", "64k", "--threads", "2");
        assertThat(count.code()).as(count.err()).isZero();
        assertThat(count.out()).contains("items to " + counted).contains("frequency = corpus docs")
                .containsPattern("counted [0-9,]+ documents");
        assertThat(count.err()).doesNotContain("Exception");

        Map<String, long[]> expected = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("expected.tsv")).subList(1, 331)) {
            String[] f = line.split("\t");
            expected.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
        List<Item> items = DatasetFiles.items(DatasetFiles.load(counted.toString(), false));
        assertThat(items).hasSize(330);
        for (Item i : items) {
            long[] e = expected.get(i.id());
            assertThat(new long[] {num(i, "corpus_mentions"), num(i, "corpus_docs"), num(i, "corpus_cooccurrence")})
                    .as(i.id()).containsExactly(e);
            assertThat(i.frequency()).isEqualTo((double) e[1]);
        }

        CliTest.Result info = tailgap("datasets", "info", counted.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("corpus counts").contains("frequency  corpus count (docs): documents "
                + "mentioning the concept").containsPattern("  docs +330 ").contains("decades  0: ");

        try (SimServer server = SimServer.start(SimModel.of(items, SimParams.DEFAULTS), 0, 4)) {
            Path run = dir.resolve("run");
            CliTest.Result r = tailgap("run", "-d", counted.toString(), "-m", "openai:" + SimServer.MODEL_ID,
                    "--base-url", server.baseUrl(), "--bucketing", "log10", "--out", run.toString(), "--no-cache",
                    "-q");
            assertThat(r.code()).as(r.err()).isZero();
            String spec = Files.readString(run.resolve("spec.json"));
            assertThat(spec).containsPattern("\"synthetic-corpus@seed4-c300\\+docs\\.[0-9a-f]{8}\"");
            String report = Files.readString(run.resolve("report.json"));
            double max = items.stream().mapToDouble(Item::frequency).max().orElseThrow();
            int top = (int) Math.floor(Math.log10(max));
            assertThat(top).as("the head spans decades").isGreaterThanOrEqualTo(2);
            assertThat(report).as("buckets are decades of the corpus count").contains("\"1e" + top + "+\"")
                    .contains("\"1e1-1e2\"").contains("\"1e0-1e1\"");
        }
    }

    @Test
    void aBadShardIsOneLineWithExitCodeTwoAndTheRestIsSaved() throws Exception {
        assertThat(tailgap("frequency", "synth", "--out", dir.toString(), "--concepts", "50", "--size", "20k")
                .code()).isZero();
        Files.write(dir.resolve("corpus").resolve("zz-bad.txt"), new byte[] {'o', 'k', '\n', (byte) 0xC0, '\n'});
        Path counted = dir.resolve("counted.jsonl");
        CliTest.Result r = tailgap("frequency", "count", "-d", dir.resolve("dataset.jsonl").toString(), "--corpus",
                dir.resolve("corpus").toString(), "--out", counted.toString(), "--threads", "1");
        assertThat(r.code()).isEqualTo(2);
        String bad = dir.resolve("corpus").resolve("zz-bad.txt").toString();
        List<String> lines = r.err().strip().lines().toList();
        assertThat(lines).noneMatch(l -> l.contains("\tat ") || l.contains("Exception"));
        assertThat(lines.get(lines.size() - 1)).startsWith("tailgap: error: " + bad + ": offset 3: invalid "
                + "UTF-8 (1 bad byte) (the units counted so far are saved in " + counted + ".count-state");
        assertThat(counted).doesNotExist();

        CliTest.Result skip = tailgap("frequency", "count", "-d", dir.resolve("dataset.jsonl").toString(),
                "--corpus", dir.resolve("corpus").toString(), "--out", counted.toString(), "--threads", "1",
                "--skip-bad-shards");
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("skipped: " + bad + ": offset 3");
        assertThat(skip.err()).contains("resuming: 1 of 2 units already counted");
    }

    @Test
    void usageMistakesAreNamed() {
        CliTest.Result r = tailgap("frequency", "count", "-d", "world-cities", "--corpus", dir.toString(), "--out",
                dir.resolve("o.jsonl").toString(), "--frequency", "pageviews");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown count \"pageviews\" (use mentions, docs or cooccurrence)");
        CliTest.Result empty = tailgap("frequency", "count", "-d", "world-cities", "--corpus", dir.toString(),
                "--out", dir.resolve("o.jsonl").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains(dir + ": matches no corpus file");
        CliTest.Result size = tailgap("frequency", "synth", "--out", dir.toString(), "--size", "lots");
        assertThat(size.code()).isEqualTo(2);
        assertThat(size.err()).contains("--size: expected a positive size");
    }

    private static long num(Item i, String key) {
        return ((Number) i.meta().get(key)).longValue();
    }
}
