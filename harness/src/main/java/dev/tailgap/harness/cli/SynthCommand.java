package dev.tailgap.harness.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.Manifest;
import dev.tailgap.datasets.frequency.CountSettings;
import dev.tailgap.datasets.frequency.SyntheticCorpus;
import dev.tailgap.harness.TailgapException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailgap frequency synth}: a synthetic corpus with exactly known counts, to check and time a count. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Write a seeded synthetic dataset and corpus whose corpus counts are known exactly: concept "
                + "mentions drawn from a Zipf law, in varied case, with and without diacritics, wrapped in "
                + "punctuation. Writes DIR/dataset.jsonl (+ manifest), DIR/corpus/part-NNNNN.txt (or .jsonl), "
                + "DIR/expected.tsv (item id, mentions, docs, cooccurrence) and DIR/aliases.txt (every name, one "
                + "per line, for other tools)."})
final class SynthCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out;

    @Option(names = "--concepts", defaultValue = "10000", paramLabel = "N",
            description = "Concepts (three names each; every tenth has two items). Default: ${DEFAULT-VALUE}.")
    int concepts;

    @Option(names = "--size", defaultValue = "100m", paramLabel = "BYTES",
            description = "Corpus size, e.g. 1g. Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--shards", defaultValue = "1", paramLabel = "N", description = "Corpus files. Default: 1.")
    int shards;

    @Option(names = "--jsonl", description = "Write JSON Lines ({\"id\": ..., \"text\": ...}) instead of text lines.")
    boolean jsonl;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--zipf", defaultValue = "1.0", paramLabel = "S",
            description = "Zipf exponent of concept mentions. Default: ${DEFAULT-VALUE}.")
    double zipf;

    @Override
    public Integer call() {
        long bytes;
        try {
            bytes = CountSettings.parseBytes("--size", size);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
        if (shards < 1 || concepts < 1) {
            throw TailgapException.usage("--shards and --concepts must be at least 1");
        }
        SyntheticCorpus corpus;
        try {
            corpus = new SyntheticCorpus(new SyntheticCorpus.Spec(seed, concepts, zipf, 60));
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
        try {
            Files.createDirectories(out.resolve("corpus"));
            DatasetWriter.writeAll(out.resolve("dataset.jsonl"), new Manifest("synthetic-corpus",
                    "seed" + seed + "-c" + concepts, "Synthetic concepts with Zipf-distributed mentions", "CC0-1.0",
                    "tailgap frequency synth", "", "rank of the concept in the Zipf law, reversed (head = highest)",
                    null), corpus.items());
            JsonStringEncoder json = JsonStringEncoder.getInstance();
            long perShard = Math.max(1, bytes / shards);
            long docs = 0;
            for (int s = 0; s < shards; s++) {
                Path file = out.resolve("corpus").resolve(String.format(Locale.ROOT, "part-%05d.%s", s,
                        jsonl ? "jsonl" : "txt"));
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                        StandardCharsets.UTF_8), 1 << 20)) {
                    long written = 0;
                    StringWriter doc = new StringWriter();
                    while (written < perShard) {
                        doc.getBuffer().setLength(0);
                        written += corpus.writeDocument(doc) + 1;
                        if (jsonl) {
                            w.write("{\"id\":\"d" + docs + "\",\"text\":\"");
                            w.write(json.quoteAsString(doc.toString()));
                            w.write("\"}\n");
                        } else {
                            w.write(doc.toString());
                            w.write('\n');
                        }
                        docs++;
                    }
                }
            }
            SyntheticCorpus.Expected e = corpus.expected();
            try (Writer w = Files.newBufferedWriter(out.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                w.write("id\tmentions\tdocs\tcooccurrence\n");
                for (int i = 0; i < e.mentions().length; i++) {
                    w.write(corpus.items().get(i).id() + "\t" + e.mentions()[i] + "\t" + e.docs()[i] + "\t"
                            + e.cooccurrence()[i] + "\n");
                }
            }
            Files.write(out.resolve("aliases.txt"), corpus.allNames(), StandardCharsets.UTF_8);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d items and %,d documents (%,d bytes in %d "
                    + "files) to %s%n", corpus.items().size(), docs, bytes, shards, out);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            throw TailgapException.usage("cannot write " + out + ": " + e.getMessage());
        }
    }
}
