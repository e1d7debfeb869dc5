package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.datasets.Item;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    @Test
    void theCounterReportsExactlyTheGeneratedCounts() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(7, 3000, 1.1, 40));
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < 10_000; d++) {
            StringWriter w = new StringWriter();
            corpus.writeDocument(w);
            docs.add(w.toString());
        }
        List<CountTarget> targets = corpus.items().stream().map(CountTarget::of).toList();
        ConceptMatcher m = ConceptMatcher.compile(targets, MatchOptions.DEFAULT);
        CorpusCounts c = ConceptMatcherTest.count(m, docs);
        SyntheticCorpus.Expected e = corpus.expected();
        long zero = 0;
        for (int t = 0; t < targets.size(); t++) {
            assertThat(c.mentions(m.keyOf(t))).as("mentions " + t).isEqualTo(e.mentions()[t]);
            assertThat(c.docs(m.keyOf(t))).as("docs " + t).isEqualTo(e.docs()[t]);
            assertThat(c.cooccurrence(t)).as("cooccurrence " + t).isEqualTo(e.cooccurrence()[t]);
            zero += e.docs()[t] == 0 ? 1 : 0;
        }
        assertThat(e.documents()).isEqualTo(docs.size());
        assertThat(zero).as("the Zipf tail leaves some concepts unmentioned").isGreaterThan(0);
        assertThat(e.docs()[0]).as("the head is frequent").isGreaterThan(1000);
    }

    @Test
    void theBruteForceReferenceAgreesWithTheGenerator() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(3, 60, 1.0, 20));
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < 1500; d++) {
            StringWriter w = new StringWriter();
            corpus.writeDocument(w);
            docs.add(w.toString());
        }
        List<CountTarget> targets = corpus.items().stream().map(CountTarget::of).toList();
        long[][] ref = BruteForce.count(targets, docs, 1);
        SyntheticCorpus.Expected e = corpus.expected();
        for (int t = 0; t < targets.size(); t++) {
            assertThat(new long[] {e.mentions()[t], e.docs()[t], e.cooccurrence()[t]}).as(targets.get(t).itemId())
                    .containsExactly(ref[t]);
        }
    }

    @Test
    void sameSeedSameCorpus() throws IOException {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        SyntheticCorpus x = new SyntheticCorpus(new SyntheticCorpus.Spec(11, 100, 1.0, 30));
        SyntheticCorpus y = new SyntheticCorpus(new SyntheticCorpus.Spec(11, 100, 1.0, 30));
        for (int i = 0; i < 50; i++) {
            x.writeDocument(a);
            y.writeDocument(b);
        }
        assertThat(a.toString()).isEqualTo(b.toString());
        List<Item> items = x.items();
        assertThat(items).hasSize(110);
        assertThat(items.get(0).conceptAliases()).hasSize(2);
    }
}
