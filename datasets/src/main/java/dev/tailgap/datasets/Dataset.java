package dev.tailgap.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A validated dataset: its manifest, content hash, and per-item frequency and id hash, with the items themselves read
 * lazily from the source.
 *
 * <p>Contract: immutable; {@code size() >= 1}; index {@code i} (0-based, in file order over the valid items) is the
 * same item in {@link #frequency(int)}, {@link #idHash(int)} and the {@code i}-th element of {@link #items()};
 * {@link #sha256()} is the lowercase hex SHA-256 of the item file's raw bytes. A dataset loaded from a file reads
 * that file again on each {@link #items()} call, which fails with an {@link IllegalStateException} if the file no
 * longer matches what was loaded.
 */
public final class Dataset {

    /** Opens the item stream of a dataset. */
    interface ItemStreams {
        Stream<Item> open();
    }

    private final String location;
    private final Manifest manifest;
    private final boolean manifestDerived;
    private final String sha256;
    private final double[] frequencies;
    private final long[] idHashes;
    private final int skipped;
    private final List<LoadProblem> problems;
    private final ItemStreams items;

    Dataset(String location, Manifest manifest, boolean manifestDerived, String sha256, double[] frequencies,
            long[] idHashes, int skipped, List<LoadProblem> problems, ItemStreams items) {
        this.location = Objects.requireNonNull(location);
        this.manifest = Objects.requireNonNull(manifest);
        this.manifestDerived = manifestDerived;
        this.sha256 = Objects.requireNonNull(sha256);
        this.frequencies = frequencies;
        this.idHashes = idHashes;
        this.skipped = skipped;
        this.problems = List.copyOf(problems);
        this.items = items;
    }

    /**
     * An in-memory dataset of {@code items} (in order). Its {@link #sha256()} is the hash of the canonical JSON Lines
     * {@link DatasetWriter} would write for them, and its location is {@code memory:NAME}.
     *
     * @throws IllegalArgumentException when {@code items} is empty or two items share an id
     */
    public static Dataset of(Manifest manifest, List<Item> items) {
        List<Item> copy = List.copyOf(items);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one item");
        }
        Set<String> ids = new HashSet<>();
        double[] freqs = new double[copy.size()];
        long[] hashes = new long[copy.size()];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < copy.size(); i++) {
            Item item = copy.get(i);
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("duplicate item id \"" + item.id() + "\"");
            }
            freqs[i] = item.frequency();
            hashes[i] = Hashing.idHash(item.id());
            bytes.writeBytes((ItemCodec.toJsonLine(item) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String sha = Hashing.hex(Hashing.sha256().digest(bytes.toByteArray()));
        return new Dataset("memory:" + manifest.name(), manifest, false, sha, freqs, hashes, 0, List.of(),
                copy::stream);
    }

    /**
     * The 64-bit hash of an item id used by {@link #idHash(int)}: FNV-1a over the id's UTF-8 bytes, then the
     * SplitMix64 finalizer. Stable across releases, so samples stay reproducible.
     */
    public static long hashId(String id) {
        return Hashing.idHash(id);
    }

    /** Where the items come from: a file path as given, {@code bundled:NAME} or {@code memory:NAME}. */
    public String location() {
        return location;
    }

    /** The manifest read beside the items, or the one derived when there is none (see {@link #manifestDerived()}). */
    public Manifest manifest() {
        return manifest;
    }

    /** True when no manifest file exists and {@link #manifest()} was derived (version {@code unversioned}). */
    public boolean manifestDerived() {
        return manifestDerived;
    }

    /** Lowercase hex SHA-256 of the item file's raw bytes. */
    public String sha256() {
        return sha256;
    }

    /** The number of valid items. */
    public int size() {
        return frequencies.length;
    }

    /** The number of invalid lines skipped (0 unless loaded with {@code skipInvalid}). */
    public int skipped() {
        return skipped;
    }

    /** The problems of the skipped lines, up to the load's cap, in line order. */
    public List<LoadProblem> problems() {
        return problems;
    }

    /** The frequency of item {@code index}. */
    public double frequency(int index) {
        return frequencies[index];
    }

    /** A copy of all item frequencies, in item order. */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** {@link #hashId(String)} of item {@code index}'s id. */
    public long idHash(int index) {
        return idHashes[index];
    }

    /** Buckets this dataset's items with {@code scheme}; edges come from all items. */
    public Bucketing bucketing(BucketScheme scheme) {
        return scheme.apply(frequencies);
    }

    /** Buckets this dataset's items with the manifest's default scheme. */
    public Bucketing defaultBucketing() {
        return bucketing(BucketScheme.parse(manifest.bucketing()));
    }

    /**
     * The valid items in order, parsed lazily. The stream holds the source open: close it (try-with-resources). I/O
     * failures surface as {@link java.io.UncheckedIOException}.
     */
    public Stream<Item> items() {
        return items.open();
    }

    @Override
    public String toString() {
        return manifest.id() + " (" + size() + " items, sha256 " + sha256.substring(0, 12) + ", " + location + ")";
    }
}
