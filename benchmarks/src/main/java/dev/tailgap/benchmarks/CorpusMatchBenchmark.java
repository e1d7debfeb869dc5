package dev.tailgap.benchmarks;

import dev.tailgap.datasets.frequency.ConceptMatcher;
import dev.tailgap.datasets.frequency.CorpusCounts;
import dev.tailgap.datasets.frequency.CountTarget;
import dev.tailgap.datasets.frequency.DocumentCounter;
import dev.tailgap.datasets.frequency.MatchOptions;
import dev.tailgap.datasets.frequency.SyntheticCorpus;
import dev.tailgap.datasets.text.Normalizer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The corpus matcher against the org.ahocorasick library on {@value #MEGABYTES} MB of the synthetic corpus (one pass
 * per operation; MB/s = {@value #MEGABYTES} / score): {@code tailgapCount} is the whole count (fold, words,
 * automaton, mentions, documents and co-occurrence) from strings, {@code tailgapCountBytes} the same from the UTF-8
 * lines as the corpus reader hands them over (folded and split without decoding, the string path only for what
 * that refuses), {@code tailgapFold} the folding of strings alone, and
 * {@code libraryMatchOnly} the library's whole-word automaton over all concept names and answers on text folded
 * beforehand, reporting every (overlapping) match and counting nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CorpusMatchBenchmark {
    static final int MEGABYTES = 4;

    @Param({"10000"})
    public int concepts;

    private final List<String> docs = new ArrayList<>();
    private final List<String> folded = new ArrayList<>();
    private ConceptMatcher matcher;
    private DocumentCounter counter;
    private Normalizer.Buffer buffer;
    private Trie trie;
    private byte[] lines;
    private int[] lineEnds;

    @Setup
    public void setup() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(1, concepts, 1.0, 60));
        long bytes = 0;
        while (bytes < MEGABYTES * 1_000_000L) {
            StringWriter w = new StringWriter();
            bytes += corpus.writeDocument(w) + 1;
            docs.add(w.toString());
            folded.add(Normalizer.fold(w.toString()));
        }
        StringBuilder all = new StringBuilder();
        lineEnds = new int[docs.size()];
        int end = 0;
        for (int i = 0; i < docs.size(); i++) {
            all.append(docs.get(i)).append('\n');
            end += docs.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            lineEnds[i] = end - 1;
        }
        lines = all.toString().getBytes(StandardCharsets.UTF_8);
        List<CountTarget> targets = corpus.items().stream().map(CountTarget::of).toList();
        matcher = ConceptMatcher.compile(targets, MatchOptions.DEFAULT);
        counter = matcher.newCounter();
        buffer = new Normalizer.Buffer();
        Set<String> keywords = new LinkedHashSet<>();
        for (CountTarget t : targets) {
            t.conceptNames().forEach(n -> keywords.add(Normalizer.fold(n)));
            t.answers().forEach(a -> keywords.add(Normalizer.fold(a)));
        }
        trie = Trie.builder().onlyWholeWords().addKeywords(keywords).build();
    }

    @Benchmark
    public long tailgapCount() {
        CorpusCounts c = matcher.newCounts();
        for (String d : docs) {
            counter.count(d, c);
        }
        return c.documents();
    }

    @Benchmark
    public long tailgapCountBytes() {
        CorpusCounts c = matcher.newCounts();
        int start = 0;
        for (int i = 0; i < lineEnds.length; i++) {
            int e = lineEnds[i];
            if (!counter.count(lines, start, e, c)) {
                counter.count(docs.get(i), c);
            }
            start = e + 1;
        }
        return c.documents();
    }

    @Benchmark
    public long tailgapFold() {
        long n = 0;
        for (String d : docs) {
            n += Normalizer.foldInto(d, buffer);
        }
        return n;
    }

    @Benchmark
    public long libraryMatchOnly() {
        long n = 0;
        for (String f : folded) {
            for (Emit e : trie.parseText(f)) {
                n += e.getEnd();
            }
        }
        return n;
    }
}
