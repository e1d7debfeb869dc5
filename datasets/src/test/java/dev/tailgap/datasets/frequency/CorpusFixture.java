package dev.tailgap.datasets.frequency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.Manifest;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A synthetic dataset and its documents, written as corpus files in any layout the counter reads. */
final class CorpusFixture {
    final SyntheticCorpus corpus;
    final List<String> docs = new ArrayList<>();
    final Path datasetFile;

    CorpusFixture(Path dir, long seed, int concepts, int documents) throws IOException {
        corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(seed, concepts, 1.05, 30));
        for (int d = 0; d < documents; d++) {
            StringWriter w = new StringWriter();
            corpus.writeDocument(w);
            docs.add(w.toString());
        }
        datasetFile = dir.resolve("synthetic.jsonl");
        DatasetWriter.writeAll(datasetFile, new Manifest("synthetic", "1", "", "CC0", "", "", "rank", "log10"),
                corpus.items());
    }

    Dataset dataset() throws Exception {
        return load(datasetFile);
    }

    /** Writes documents [from, to) one per line. */
    void lines(Path file, int from, int to) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int d = from; d < to; d++) {
                w.write(docs.get(d));
                w.write(d % 3 == 0 ? "\r\n" : "\n");
            }
        }
    }

    void gzip(Path file, int from, int to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text(from, to));
        }
    }

    void zstd(Path file, int from, int to) throws IOException {
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
            out.write(text(from, to));
        }
    }

    void jsonl(Path file, int from, int to) throws IOException {
        JsonFactory f = new JsonFactory();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int d = from; d < to; d++) {
                StringWriter line = new StringWriter();
                try (JsonGenerator g = f.createGenerator(line)) {
                    g.writeStartObject();
                    g.writeStringField("id", "doc-" + d);
                    g.writeObjectFieldStart("meta");
                    g.writeStringField("text", "not this one");
                    g.writeEndObject();
                    g.writeStringField("text", docs.get(d));
                    g.writeNumberField("n", d);
                    g.writeEndObject();
                }
                w.write(line + "\n");
            }
        }
    }

    /** One file per document under {@code dir}. */
    void files(Path dir, int from, int to) throws IOException {
        Files.createDirectories(dir);
        for (int d = from; d < to; d++) {
            Files.writeString(dir.resolve(String.format("doc-%05d.txt", d)), docs.get(d) + "\n");
        }
    }

    byte[] text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int d = from; d < to; d++) {
            b.append(docs.get(d)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The expected counts of all documents: {mentions, docs, cooccurrence} per item. */
    long[][] expected() {
        SyntheticCorpus.Expected e = corpus.expected();
        long[][] out = new long[e.mentions().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[] {e.mentions()[i], e.docs()[i], e.cooccurrence()[i]};
        }
        return out;
    }

    /** The counts per item of a counted dataset file: {mentions, docs, cooccurrence}. */
    static long[][] counted(Path file) throws Exception {
        Dataset d = load(file);
        List<long[]> rows = new ArrayList<>();
        try (var items = d.items()) {
            items.forEach(i -> rows.add(new long[] {num(i.meta().get("corpus_mentions")),
                num(i.meta().get("corpus_docs")), num(i.meta().get("corpus_cooccurrence"))}));
        }
        return rows.toArray(new long[0][]);
    }

    static Dataset load(Path file) throws Exception {
        return dev.tailgap.datasets.DatasetLoader.load(dev.tailgap.datasets.DatasetSource.resolve(file.toString()),
                dev.tailgap.datasets.LoadOptions.strict());
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
