package dev.tailgap.datasets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads and validates a JSON Lines dataset in one streaming pass.
 *
 * <p>Contract: input is UTF-8 (a byte order mark is dropped), with LF or CRLF line ends; blank lines are ignored but
 * counted for line numbers; a line that is not valid UTF-8 is an invalid line. A file whose first line shows it is
 * CSV, TSV, a JSON document or Parquet fails at once with a message naming what it is and the import command. Every non-blank line must be a JSON object with a non-empty string {@code id},
 * {@code question} and {@code concept}, a non-empty {@code answers} array of non-empty strings, a numeric
 * {@code frequency >= 0} (not a string), an optional string {@code relation} and an optional object {@code meta};
 * other keys are ignored. Ids are unique: a repeated id is a problem of every later line that repeats it. Each
 * problem names the location, 1-based line and field. Strict loads fail when any line is invalid; lenient loads
 * skip invalid lines (keeping the first occurrence of a repeated id). A load with no valid item fails.
 *
 * <p>Memory: only the frequencies and 64-bit id hashes are kept (about 16 bytes per item); items are re-read by
 * {@link Dataset#items()}. Repeated ids are found by sorting the hashes; only when some repeat is the file read a
 * second time to name the lines.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Loads and validates {@code source}. */
    public static Dataset load(DatasetSource source, LoadOptions options) throws DatasetException {
        String location = source.location();
        Manifest manifest = source.manifest().orElse(null);
        boolean derived = manifest == null;
        if (derived) {
            manifest = new Manifest(source.name(), "unversioned", "", "", "", "", "", null);
        }
        Problems problems = new Problems(location, options.maxProblems());
        BitSet invalid = new BitSet();
        MessageDigest digest = Hashing.sha256();
        double[] freqs = new double[1024];
        long[] hashes = new long[1024];
        int n = 0;
        int invalidLines = 0;
        try (LineReader reader = new LineReader(new DigestInputStream(source.openItems(), digest))) {
            boolean first = true;
            while (true) {
                String line;
                try {
                    line = reader.next();
                } catch (CharacterCodingException e) {
                    problems.add(reader.line(), "encoding", "not valid UTF-8; save the file as UTF-8");
                    invalid.set(reader.line());
                    invalidLines++;
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                int lineNo = reader.line();
                if (first) {
                    first = false;
                    String other = OtherFormat.describe(location, line);
                    if (other != null) {
                        throw new DatasetException(location + ": " + other);
                    }
                }
                ItemCodec.Key key = ItemCodec.scanKey(line);
                if (key == null) {
                    ObjectNode node = ItemCodec.check(line, (field, message) -> problems.add(lineNo, field, message));
                    if (node == null) {
                        invalid.set(lineNo);
                        invalidLines++;
                        continue;
                    }
                    key = new ItemCodec.Key(node.get("id").textValue(), node.get("frequency").doubleValue());
                }
                if (n == freqs.length) {
                    freqs = Arrays.copyOf(freqs, n * 2);
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                freqs[n] = key.frequency();
                hashes[n] = Hashing.idHash(key.id());
                n++;
            }
        } catch (IOException e) {
            throw readFailure(location, e);
        }
        freqs = Arrays.copyOf(freqs, n);
        hashes = Arrays.copyOf(hashes, n);

        long[] repeated = repeatedHashes(hashes);
        if (repeated.length > 0) {
            BitSet drop = nameDuplicates(source, repeated, hashes, invalid, problems);
            invalidLines += drop.cardinality();
            if (!drop.isEmpty()) {
                freqs = compact(freqs, drop);
                hashes = compact(hashes, drop);
            }
        }
        List<LoadProblem> kept = problems.sorted();
        if (invalidLines > 0 && !options.skipInvalid()) {
            throw new DatasetException(location + ": " + invalidLines + " invalid line" + (invalidLines == 1 ? "" : "s")
                    + "; fix " + (invalidLines == 1 ? "it" : "them") + " or pass --skip-invalid", kept,
                    problems.total - kept.size());
        }
        if (freqs.length == 0) {
            throw new DatasetException(invalidLines == 0 ? location + ": no items (no non-blank lines)"
                    : location + ": no valid items (" + invalidLines + " invalid line" + (invalidLines == 1 ? "" : "s")
                    + " skipped)", kept, problems.total - kept.size());
        }
        String sha = Hashing.hex(digest.digest());
        long[] idHashes = hashes;
        int count = freqs.length;
        return new Dataset(location, manifest, derived, sha, freqs, idHashes, invalidLines, kept,
                () -> stream(source, invalid, idHashes, count));
    }

    private static DatasetException readFailure(String location, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new DatasetException(location + ": no such file");
        }
        return new DatasetException(location + ": cannot read: " + e.getMessage(), e);
    }

    /** The next line that decodes as UTF-8 (the others were recorded invalid by the first pass), or {@code null}. */
    private static String nextDecodable(LineReader reader) throws IOException {
        while (true) {
            try {
                return reader.next();
            } catch (CharacterCodingException e) {
                // an invalid line, already counted and marked by the first pass
            }
        }
    }

    /** The hash values occurring more than once, sorted. */
    private static long[] repeatedHashes(long[] hashes) {
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        long[] out = new long[0];
        int m = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (m == 0 || out[m - 1] != sorted[i])) {
                if (m == out.length) {
                    out = Arrays.copyOf(out, Math.max(8, m * 2));
                }
                out[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Re-reads the source to find which lines repeat an id whose hash is in {@code repeated}; records a problem for
     * each, marks the line invalid and returns the item indices to drop.
     */
    private static BitSet nameDuplicates(DatasetSource source, long[] repeated, long[] hashes, BitSet invalid,
                                         Problems problems) throws DatasetException {
        BitSet drop = new BitSet();
        Map<String, Integer> firstLine = new HashMap<>();
        int index = 0;
        try (LineReader reader = new LineReader(source.openItems())) {
            for (String line = nextDecodable(reader); line != null; line = nextDecodable(reader)) {
                int lineNo = reader.line();
                if (line.isBlank() || invalid.get(lineNo)) {
                    continue;
                }
                if (index >= hashes.length) {
                    throw changed(source);
                }
                if (Arrays.binarySearch(repeated, hashes[index]) >= 0) {
                    ObjectNode node = ItemCodec.check(line, (f, m) -> { });
                    if (node == null) {
                        throw changed(source);
                    }
                    String id = node.get("id").textValue();
                    Integer first = firstLine.putIfAbsent(id, lineNo);
                    if (first != null) {
                        problems.addUncapped(lineNo, "id", "duplicate id " + ItemCodec.quote(id) + ", first on line "
                                + first);
                        invalid.set(lineNo);
                        drop.set(index);
                    }
                }
                index++;
            }
        } catch (IOException e) {
            throw new DatasetException(source.location() + ": cannot read: " + e.getMessage(), e);
        }
        return drop;
    }

    private static DatasetException changed(DatasetSource source) {
        return new DatasetException(source.location() + ": changed while it was being loaded");
    }

    private static double[] compact(double[] a, BitSet drop) {
        double[] out = new double[a.length - drop.cardinality()];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (!drop.get(i)) {
                out[j++] = a[i];
            }
        }
        return out;
    }

    private static long[] compact(long[] a, BitSet drop) {
        long[] out = new long[a.length - drop.cardinality()];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (!drop.get(i)) {
                out[j++] = a[i];
            }
        }
        return out;
    }

    /** Lazily re-reads the valid items, checking each against the loaded id hashes. */
    private static Stream<Item> stream(DatasetSource source, BitSet invalid, long[] idHashes, int count) {
        LineReader reader;
        try {
            reader = new LineReader(source.openItems());
        } catch (IOException e) {
            throw new UncheckedIOException(source.location() + ": cannot read", e);
        }
        Iterator<Item> it = new Iterator<>() {
            private int index;
            private Item next;

            @Override
            public boolean hasNext() {
                if (next == null && index < count) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Item item = next;
                next = null;
                index++;
                return item;
            }

            private Item read() {
                try {
                    for (String line = nextDecodable(reader); line != null; line = nextDecodable(reader)) {
                        if (line.isBlank() || invalid.get(reader.line())) {
                            continue;
                        }
                        Item item = ItemCodec.scanItem(line);
                        if (item == null) {
                            ObjectNode node = ItemCodec.check(line, (f, m) -> { });
                            item = node == null ? null : ItemCodec.toItem(node);
                        }
                        if (item == null || Hashing.idHash(item.id()) != idHashes[index]) {
                            break;
                        }
                        return item;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(source.location() + ": cannot read", e);
                }
                throw new IllegalStateException(source.location() + " changed since it was loaded (line "
                        + reader.line() + "); load it again");
            }
        };
        Spliterator<Item> split = Spliterators.spliterator(it, count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED);
        return StreamSupport.stream(split, false).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Problems found so far: the first {@code cap} kept, all counted. */
    private static final class Problems {
        private final String location;
        private final int cap;
        private final List<LoadProblem> kept = new ArrayList<>();
        private long total;

        Problems(String location, int cap) {
            this.location = location;
            this.cap = cap;
        }

        void add(long line, String field, String message) {
            total++;
            if (kept.size() < cap) {
                kept.add(new LoadProblem(location, line, field, message));
            }
        }

        void addUncapped(long line, String field, String message) {
            total++;
            kept.add(new LoadProblem(location, line, field, message));
        }

        List<LoadProblem> sorted() {
            List<LoadProblem> out = new ArrayList<>(kept);
            out.sort(Comparator.comparingLong(LoadProblem::line));
            return List.copyOf(out.subList(0, Math.min(cap, out.size())));
        }
    }
}
