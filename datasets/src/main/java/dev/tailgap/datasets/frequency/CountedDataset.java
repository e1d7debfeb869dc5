package dev.tailgap.datasets.frequency;

import dev.tailgap.datasets.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetWriter;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a counted dataset: every item of the source, in order and none left out (count 0 included), with
 * {@code frequency} set to the chosen {@link Measure} and in {@code meta} all three counts ({@code corpus_mentions},
 * {@code corpus_docs}, {@code corpus_cooccurrence}), how many concept names and answers were counted
 * ({@code corpus_names}, {@code corpus_answers}) and the frequency it had before ({@code frequency_original}, kept
 * from the source when it already has one). The manifest's version gains {@code +MEASURE.CORPUS8}, its
 * {@code frequencySource} says what {@code frequency} measures, in which corpus and when; {@code NAME.corpus.json}
 * beside it lists every corpus file with its size and sha256, the options and any skipped units.
 */
public final class CountedDataset {

    /** The meta key of the frequency an item had before it was counted. */
    public static final String ORIGINAL_FREQUENCY = "frequency_original";
    /** The meta keys of the numbers of concept names and answers counted. */
    public static final String NAMES = "corpus_names";
    public static final String ANSWERS = "corpus_answers";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CountedDataset() {
    }

    /** What was written. */
    public record Written(Path items, Path corpusFile, Manifest manifest, int size, int zeros) {
    }

    /** {@code NAME.corpus.json} beside {@code NAME.jsonl}. */
    public static Path corpusFile(Path jsonl) {
        String name = jsonl.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return jsonl.resolveSibling(base + ".corpus.json");
    }

    /** The sha256 naming a corpus: over one {@code SHA256 SIZE PATH} line per file, in order. */
    public static String corpusSha256(List<CountResult.FileDigest> files) {
        StringBuilder b = new StringBuilder();
        for (CountResult.FileDigest f : files) {
            b.append(f.sha256()).append(' ').append(f.file().size()).append(' ').append(f.file().path()).append('\n');
        }
        return Sha256.hex(b.toString());
    }

    /**
     * Writes {@code source}'s items counted by {@code matcher} (compiled from them, in order) to {@code out}, with the
     * manifest beside it and the corpus description.
     */
    public static Written write(Dataset source, ConceptMatcher matcher, CountResult result, Measure measure,
                                MatchOptions match, CountSettings settings, Instant countedAt, Path out)
            throws IOException {
        String corpusSha = corpusSha256(result.files());
        Instant at = countedAt.truncatedTo(ChronoUnit.SECONDS);
        Path sidecar = corpusFile(out);
        writeAtomically(sidecar, JSON.writeValueAsString(describe(source, result, measure, match, settings, at,
                corpusSha)) + "\n");
        Manifest m = source.manifest();
        Manifest counted = new Manifest(m.name(), m.version() + "+" + measure.cliName() + "." + corpusSha.substring(0, 8),
                m.description(), m.license(), m.source(), m.attribution(),
                frequencySource(m, result, measure, match, at, corpusSha, sidecar), m.bucketing());
        CorpusCounts c = result.counts();
        int zeros = 0;
        int i = 0;
        try (Stream<Item> s = source.items(); DatasetWriter w = DatasetWriter.create(out)) {
            for (java.util.Iterator<Item> it = s.iterator(); it.hasNext(); i++) {
                Item item = it.next();
                int key = matcher.keyOf(i);
                long[] counts = {c.mentions(key), c.docs(key), c.cooccurrence(i)};
                Map<String, Object> meta = new TreeMap<>(item.meta());
                meta.putIfAbsent(ORIGINAL_FREQUENCY, item.frequency());
                meta.put(Measure.MENTIONS.metaKey(), counts[0]);
                meta.put(Measure.DOCS.metaKey(), counts[1]);
                meta.put(Measure.COOCCURRENCE.metaKey(), counts[2]);
                meta.put(NAMES, matcher.namesUsed(i));
                meta.put(ANSWERS, matcher.answersUsed(i));
                long f = counts[measure.ordinal()];
                zeros += f == 0 ? 1 : 0;
                w.write(new Item(item.id(), item.question(), item.answers(), item.concept(), f, item.relation(),
                        meta, item.conceptAliases()));
            }
            if (i != matcher.targetCount()) {
                throw new IllegalStateException("the dataset has " + i + " items, the matcher "
                        + matcher.targetCount());
            }
            w.commit(counted);
        }
        return new Written(out, sidecar, counted, i, zeros);
    }

    private static String frequencySource(Manifest m, CountResult r, Measure measure, MatchOptions match, Instant at,
                                          String corpusSha, Path sidecar) {
        StringBuilder b = new StringBuilder();
        b.append("corpus count (").append(measure.cliName()).append("): ").append(measure.meaning())
                .append(", whole words after the scorer's folding, in a corpus of ");
        int n = r.files().size();
        if (n <= 3) {
            for (int i = 0; i < n; i++) {
                CountResult.FileDigest f = r.files().get(i);
                b.append(i == 0 ? "" : ", ").append(f.file().path()).append(" (")
                        .append(String.format(Locale.ROOT, "%,d", f.file().size())).append(" bytes, sha256 ")
                        .append(f.sha256(), 0, 12).append(')');
            }
        } else {
            b.append(String.format(Locale.ROOT, "%,d files, %,d bytes", n, r.corpusBytes()));
        }
        b.append(String.format(Locale.ROOT, "; %,d documents; corpus sha256 %s (files listed in %s); counted %s",
                r.counts().documents(), corpusSha, sidecar.getFileName(), at));
        if (match.minAliasLength() > 1) {
            b.append("; names of at least ").append(match.minAliasLength()).append(" characters");
        }
        if (match.relationWindow() > 0) {
            b.append("; a relation word within ").append(match.relationWindow()).append(" words");
        }
        if (!r.skipped().isEmpty()) {
            b.append("; ").append(r.skipped().size()).append(" bad units skipped, not counted");
        }
        b.append("; the frequency before (").append(m.frequencySource().isEmpty() ? "unstated" : m.frequencySource())
                .append(") is in meta ").append(ORIGINAL_FREQUENCY);
        return b.toString();
    }

    private static Map<String, Object> describe(Dataset source, CountResult r, Measure measure, MatchOptions match,
                                                CountSettings settings, Instant at, String corpusSha) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("measure", measure.cliName());
        d.put("meaning", measure.meaning());
        d.put("countedAt", at.toString());
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("id", source.manifest().id());
        dataset.put("sha256", source.sha256());
        d.put("dataset", dataset);
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("sha256", corpusSha);
        corpus.put("format", settings.format().cliName());
        if (settings.format() == CorpusFormat.JSONL) {
            corpus.put("textField", settings.textField());
        }
        corpus.put("bytes", r.corpusBytes());
        corpus.put("textBytes", r.counts().textBytes());
        corpus.put("documents", r.counts().documents());
        List<Map<String, Object>> files = new ArrayList<>();
        for (CountResult.FileDigest f : r.files()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", f.file().path());
            e.put("size", f.file().size());
            e.put("sha256", f.sha256());
            files.add(e);
        }
        corpus.put("files", files);
        d.put("corpus", corpus);
        Map<String, Object> matching = new LinkedHashMap<>();
        matching.put("words", "whole words after the scorer's folding (case, diacritics, punctuation, articles)");
        matching.put("minAliasLength", match.minAliasLength());
        matching.put("relationWindow", match.relationWindow());
        d.put("matching", matching);
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (CountResult.Skipped s : r.skipped()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", s.unit().file().path());
            e.put("start", s.unit().start());
            e.put("end", s.unit().end());
            e.put("problem", s.problem());
            skipped.add(e);
        }
        d.put("skipped", skipped);
        return d;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
