package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} during a count, then the same count again: the result equals an uninterrupted count. */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    static FrequencyCount.Request request(Path corpus, Path out) {
        return new FrequencyCount.Request(List.of(corpus.toString()), out, Measure.DOCS, MatchOptions.DEFAULT,
                CountSettings.defaults().withThreads(2).withBlockSize(2048), null);
    }

    @Test
    void aKilledCountRunAgainEqualsAnUninterruptedOne() throws Exception {
        CorpusFixture fx = new CorpusFixture(dir, 9, 300, 3000);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        fx.lines(corpus.resolve("a.txt"), 0, 1500);
        fx.gzip(corpus.resolve("b.txt.gz"), 1500, 3000);
        Path out = dir.resolve("counted.jsonl");

        FrequencyCount.run(fx.dataset(), request(corpus, out), new Quiet(), FrequencyCountTest.CLOCK);
        byte[] referenceItems = Files.readAllBytes(out);
        String referenceManifest = Files.readString(dir.resolve("counted.manifest.yaml"));
        String referenceCorpus = Files.readString(CountedDataset.corpusFile(out));
        Files.delete(out);

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName()));
        cmd.addAll(ResumeChild.args(fx.datasetFile, corpus, out));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READY")) {
                assertThat(line).as("child output").doesNotContain("FINISHED");
            }
            assertThat(line).as("the child reached three saved units").isEqualTo("READY");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        Path state = FrequencyCount.defaultStateDir(out);
        long saved;
        try (Stream<Path> s = Files.list(state)) {
            saved = s.filter(p -> p.getFileName().toString().endsWith(".counts")).count();
        }
        int units = CorpusUnit.plan(CorpusPaths.expand(List.of(corpus.toString())), CorpusFormat.LINES, 2048).size();
        assertThat(saved).as("some but not all units were saved").isBetween(3L, (long) units - 1);
        assertThat(out).doesNotExist();

        FrequencyCount.Outcome resumed = FrequencyCount.run(fx.dataset(), request(corpus, out), new Quiet(),
                FrequencyCountTest.CLOCK);
        assertThat(resumed.result().resumedUnits()).isEqualTo((int) saved);
        assertThat(Files.readAllBytes(out)).isEqualTo(referenceItems);
        assertThat(Files.readString(dir.resolve("counted.manifest.yaml"))).isEqualTo(referenceManifest);
        assertThat(Files.readString(CountedDataset.corpusFile(out))).isEqualTo(referenceCorpus);
        assertThat(CorpusFixture.counted(out)).isDeepEqualTo(fx.expected());
        assertThat(state).doesNotExist();
    }

    static final class Quiet implements CorpusCounter.Listener {
        @Override
        public void advance(long raw, long text, long docs) {
        }
    }
}
