package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.Item;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrequencyCountTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    CorpusFixture fx;

    @BeforeEach
    void corpus() throws Exception {
        fx = new CorpusFixture(dir, 5, 400, 3000);
    }

    CountResult run(List<String> corpus, Path out, CountSettings settings) throws Exception {
        return FrequencyCount.run(fx.dataset(), new FrequencyCount.Request(corpus, out, Measure.COOCCURRENCE,
                MatchOptions.DEFAULT, settings, null), new CorpusCounter.Listener() {
                    @Override
                    public void advance(long raw, long text, long docs) {
                    }
                }, CLOCK).result();
    }

    static CountSettings settings(CorpusFormat format, int threads, long block) {
        return CountSettings.defaults().withFormat(format).withThreads(threads).withBlockSize(block);
    }

    @Test
    void everyLayoutGivesTheExactCounts() throws Exception {
        Path c = Files.createDirectories(dir.resolve("corpus"));
        fx.lines(c.resolve("a.txt"), 0, 1000);
        fx.gzip(c.resolve("b.txt.gz"), 1000, 1700);
        fx.zstd(c.resolve("c.txt.zst"), 1700, 2400);
        fx.lines(c.resolve("d.txt"), 2400, 3000);
        Files.writeString(c.resolve("_SUCCESS"), "not a corpus file");
        long[][] expected = fx.expected();
        for (int threads : new int[] {1, 2}) {
            Path out = dir.resolve("lines-" + threads + ".jsonl");
            CountResult r = run(List.of(c.toString()), out, settings(CorpusFormat.LINES, threads, 4096));
            assertThat(CorpusFixture.counted(out)).isDeepEqualTo(expected);
            assertThat(r.counts().documents()).isEqualTo(3000);
            assertThat(r.files()).hasSize(4);
            assertThat(r.units()).as("a.txt and d.txt are cut into 4 KiB blocks").isGreaterThan(20);
            assertThat(Files.exists(FrequencyCount.defaultStateDir(out))).as("state removed when done").isFalse();
        }
        Path j = Files.createDirectories(dir.resolve("jsonl"));
        fx.jsonl(j.resolve("part-0.jsonl"), 0, 1500);
        fx.jsonl(j.resolve("part-1.jsonl"), 1500, 3000);
        Path jout = dir.resolve("jsonl.jsonl");
        run(List.of(j + "/part-*.jsonl"), jout, settings(CorpusFormat.JSONL, 2, 8192));
        assertThat(CorpusFixture.counted(jout)).isDeepEqualTo(expected);

        Path f = dir.resolve("files");
        fx.files(f, 0, 3000);
        Path fout = dir.resolve("files.jsonl");
        run(List.of(f.toString()), fout, settings(CorpusFormat.FILE, 2, 8192));
        assertThat(CorpusFixture.counted(fout)).isDeepEqualTo(expected);
    }

    @Test
    void theCountedDatasetKeepsEveryItemTheOriginalFrequencyAndSaysWhatItMeasures() throws Exception {
        Path c = dir.resolve("one.txt");
        fx.lines(c, 0, 3000);
        Path out = dir.resolve("counted.jsonl");
        run(List.of(c.toString()), out, settings(CorpusFormat.LINES, 2, 1 << 20));
        Dataset counted = CorpusFixture.load(out);
        Dataset source = fx.dataset();
        assertThat(counted.size()).isEqualTo(source.size());
        List<Item> before;
        List<Item> after;
        try (Stream<Item> a = source.items(); Stream<Item> b = counted.items()) {
            before = a.toList();
            after = b.toList();
        }
        long zeros = 0;
        for (int i = 0; i < before.size(); i++) {
            Item x = before.get(i);
            Item y = after.get(i);
            assertThat(y.id()).isEqualTo(x.id());
            assertThat(y.conceptAliases()).isEqualTo(x.conceptAliases());
            assertThat(((Number) y.meta().get("frequency_original")).doubleValue()).isEqualTo(x.frequency());
            assertThat(y.frequency()).isEqualTo(((Number) y.meta().get("corpus_cooccurrence")).doubleValue());
            zeros += y.frequency() == 0 ? 1 : 0;
        }
        assertThat(zeros).as("count-0 items are kept").isGreaterThan(0);
        String source0 = counted.manifest().frequencySource();
        assertThat(source0).startsWith("corpus count (cooccurrence): documents mentioning the concept and one of "
                + "its answers").contains(c.toString()).contains("3,000 documents").contains("2026-01-02T03:04:05Z")
                .contains("frequency before (rank)");
        assertThat(counted.manifest().version()).matches("1\\+cooccurrence\\.[0-9a-f]{8}");
        String sidecar = Files.readString(CountedDataset.corpusFile(out));
        assertThat(sidecar).contains("\"sha256\" : \"" + CorpusCounter.sha256(ShardOpener.LOCAL, c.toString()))
                .contains("\"documents\" : 3000").contains("\"skipped\" : [ ]");
    }

    @Test
    void aBadShardNamesTheFileAndOffsetAndLosesNothingCounted() throws Exception {
        Path c = Files.createDirectories(dir.resolve("corpus"));
        fx.lines(c.resolve("a.txt"), 0, 1500);
        fx.lines(c.resolve("c.txt"), 1500, 3000);
        byte[] good = "a fine line\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 4];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = 'x';
        bad[good.length + 1] = (byte) 0xC3;
        bad[good.length + 2] = (byte) 0x28;
        bad[good.length + 3] = '\n';
        Files.write(c.resolve("b.txt"), bad);
        Path out = dir.resolve("out.jsonl");
        CountSettings one = settings(CorpusFormat.LINES, 1, 1 << 20);
        assertThatThrownBy(() -> run(List.of(c.toString()), out, one)).isInstanceOf(BadShardException.class)
                .hasMessage(c.resolve("b.txt") + ": offset " + (good.length + 1) + ": invalid UTF-8 (1 bad byte)");
        Path state = FrequencyCount.defaultStateDir(out);
        assertThat(state.resolve("unit-0.counts")).as("the unit counted before is saved").exists();
        assertThat(out).doesNotExist();

        CountResult r = run(List.of(c.toString()), out, one.withSkipBadShards(true));
        assertThat(r.resumedUnits()).isEqualTo(1);
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.problem()).contains("b.txt: offset 13"));
        assertThat(CorpusFixture.counted(out)).isDeepEqualTo(fx.expected());
        assertThat(Files.readString(CountedDataset.corpusFile(out))).contains("invalid UTF-8");
        assertThat(CorpusFixture.load(out).manifest().frequencySource()).contains("1 bad units skipped");
    }

    @Test
    void brokenJsonAndTruncatedCompressedFilesAreBadShards() throws Exception {
        Path j = dir.resolve("broken.jsonl");
        String line1 = "{\"text\": \"fine\"}\n";
        String line2 = "{\"text\": \"cut\", \"id\": ";
        Files.writeString(j, line1 + line2 + "\n");
        assertThatThrownBy(() -> run(List.of(j.toString()), dir.resolve("o1.jsonl"),
                settings(CorpusFormat.JSONL, 1, 1 << 20))).isInstanceOf(BadShardException.class)
                .hasMessageStartingWith(j + ": offset " + (line1.length() + line2.length())
                        + ": broken JSON line: Unexpected end-of-input");
        Path m = dir.resolve("missing.jsonl");
        Files.writeString(m, "{\"body\": \"no text\"}\n");
        assertThatThrownBy(() -> run(List.of(m.toString()), dir.resolve("o2.jsonl"),
                settings(CorpusFormat.JSONL, 1, 1 << 20)))
                .hasMessage(m + ": offset 0: JSON line has no string field \"text\"");
        for (String ext : new String[] {"gz", "zst"}) {
            Path whole = dir.resolve("whole.txt." + ext);
            if (ext.equals("gz")) {
                fx.gzip(whole, 0, 3000);
            } else {
                fx.zstd(whole, 0, 3000);
            }
            byte[] all = Files.readAllBytes(whole);
            Path cut = dir.resolve("cut.txt." + ext);
            Files.write(cut, Arrays.copyOf(all, all.length / 2));
            assertThatThrownBy(() -> run(List.of(cut.toString()), dir.resolve("o-" + ext + ".jsonl"),
                    settings(CorpusFormat.LINES, 1, 1 << 20))).isInstanceOf(BadShardException.class)
                    .hasMessageStartingWith(cut + ": offset ")
                    .hasMessageContaining("truncated or corrupt " + (ext.equals("gz") ? "gzip" : "zstd"));
        }
    }

    @Test
    void aStateOfAnotherCountIsRefused() throws Exception {
        Path c = dir.resolve("one.txt");
        fx.lines(c, 0, 100);
        Path out = dir.resolve("o.jsonl");
        Files.createDirectories(FrequencyCount.defaultStateDir(out));
        Files.writeString(FrequencyCount.defaultStateDir(out).resolve("plan"), "something else");
        assertThatThrownBy(() -> run(List.of(c.toString()), out, settings(CorpusFormat.LINES, 1, 1 << 20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different count");
    }

    @Test
    void missingCorpusPathsAreNamed() {
        assertThatThrownBy(() -> run(List.of(dir.resolve("nope").toString()), dir.resolve("o.jsonl"),
                CountSettings.defaults())).hasMessage(dir.resolve("nope") + ": no such file or directory");
        assertThatThrownBy(() -> run(List.of(dir + "/*.nothing"), dir.resolve("o.jsonl"),
                CountSettings.defaults())).hasMessage(dir + "/*.nothing: matches no corpus file");
    }

}
