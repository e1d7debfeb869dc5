package dev.tailgap.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The refusal detector on the labelled corpus {@code scoring/refusals.tsv} (made by
 * {@code src/test/python/make_refusal_corpus.py}): refusals in many phrasings and six languages, and non-refusals that
 * contain refusal words (titles, names, "unknown" as an adjective) or are hedged guesses. Prints recall and the false
 * refusal rate; requires recall of at least 95% and false refusals of at most 1%.
 */
class RefusalCorpusTest {

    record Row(String label, String answer) {
    }

    static List<Row> corpus() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = RefusalCorpusTest.class.getResourceAsStream("/scoring/refusals.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                rows.add(new Row(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return rows;
    }

    @Test
    void recallAndFalseRefusalsOnTheLabelledCorpus() throws IOException {
        RefusalDetector d = RefusalDetector.defaults();
        int refusals = 0;
        int caught = 0;
        int others = 0;
        int falseRefusals = 0;
        int hedged = 0;
        int hedgedSeen = 0;
        List<String> misses = new ArrayList<>();
        for (Row r : corpus()) {
            RefusalDetector.Kind k = d.classify(r.answer()).kind();
            if (r.label().equals("refusal")) {
                refusals++;
                if (k == RefusalDetector.Kind.REFUSAL) {
                    caught++;
                } else {
                    misses.add("missed refusal: " + r.answer() + " -> " + k);
                }
            } else {
                others++;
                if (k == RefusalDetector.Kind.REFUSAL) {
                    falseRefusals++;
                    misses.add("false refusal (" + r.label() + "): " + r.answer() + " -> "
                            + d.classify(r.answer()).cue());
                }
                if (r.label().equals("hedged")) {
                    hedged++;
                    if (k == RefusalDetector.Kind.HEDGED) {
                        hedgedSeen++;
                    }
                }
            }
        }
        double recall = (double) caught / refusals;
        double falseRate = (double) falseRefusals / others;
        System.out.printf(Locale.ROOT, "refusal corpus: %d refusals, recall %.1f%% (%d); %d non-refusals, false "
                        + "refusals %.2f%% (%d); hedged guesses recognised %d of %d%n", refusals, 100 * recall, caught,
                others, 100 * falseRate, falseRefusals, hedgedSeen, hedged);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(refusals).isGreaterThanOrEqualTo(300);
        assertThat(others).isGreaterThanOrEqualTo(300);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(falseRate).isLessThanOrEqualTo(0.01);
    }
}
