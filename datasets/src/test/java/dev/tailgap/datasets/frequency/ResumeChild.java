package dev.tailgap.datasets.frequency;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link ResumeAfterKillTest}: counts a corpus and, once three units are saved, says READY and
 * stops every counting thread, waiting to be killed with SIGKILL.
 */
public final class ResumeChild {

    private ResumeChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        Path out = Path.of(args[2]);
        AtomicInteger saved = new AtomicInteger();
        CorpusCounter.Listener stopAfterThree = new CorpusCounter.Listener() {
            @Override
            public void advance(long raw, long text, long docs) {
            }

            @Override
            public void unitDone(CorpusUnit unit) {
                if (saved.incrementAndGet() == 3) {
                    System.out.println("READY");
                    System.out.flush();
                }
                if (saved.get() >= 3) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        FrequencyCount.run(CorpusFixture.load(dataset), ResumeAfterKillTest.request(corpus, out), stopAfterThree,
                Clock.systemUTC());
        System.out.println("FINISHED");
    }

    static List<String> args(Path dataset, Path corpus, Path out) {
        return List.of(dataset.toString(), corpus.toString(), out.toString());
    }
}
