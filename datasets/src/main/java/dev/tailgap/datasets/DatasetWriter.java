package dev.tailgap.datasets;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a dataset in canonical form: {@code NAME.jsonl} (one item per line) and {@code NAME.manifest.yaml} beside it.
 *
 * <p>Contract: output is byte-deterministic for the same items and manifest. Each line is UTF-8 JSON with keys in the
 * order {@code id, question, answers, concept, frequency, relation, meta}; {@code relation} and {@code meta} are
 * omitted when null or empty; an integral frequency is written without a fraction ({@code 1234}); map keys inside
 * {@code meta} are sorted; lines end with LF. Both files are written to temporary files and moved into place only by
 * {@link #commit(Manifest)}, so an interrupted write never leaves a file that looks complete. The writer does not
 * check ids for uniqueness; {@link DatasetLoader} does.
 */
public final class DatasetWriter implements Closeable {

    private final Path target;
    private final Path temp;
    private final MessageDigest digest = Hashing.sha256();
    private final DigestOutputStream out;
    private long count;
    private boolean finished;

    private DatasetWriter(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = tempBeside(target);
        this.out = new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16),
                digest);
    }

    /** Starts writing items destined for {@code jsonl}; nothing appears there until {@link #commit(Manifest)}. */
    public static DatasetWriter create(Path jsonl) throws IOException {
        return new DatasetWriter(jsonl);
    }

    /** Writes {@code items} and {@code manifest} to {@code jsonl} and its manifest path; returns the items' sha256. */
    public static String writeAll(Path jsonl, Manifest manifest, Iterable<Item> items) throws IOException {
        try (DatasetWriter w = create(jsonl)) {
            for (Item item : items) {
                w.write(item);
            }
            return w.commit(manifest);
        }
    }

    /** The canonical JSON line of {@code item}, without the line end. */
    public static String jsonLine(Item item) {
        return ItemCodec.toJsonLine(item);
    }

    /** {@code NAME.manifest.yaml} beside {@code NAME.jsonl}. */
    public static Path manifestPath(Path jsonl) {
        return FileSource.manifestPath(jsonl);
    }

    /** Appends one item. */
    public void write(Item item) throws IOException {
        if (finished) {
            throw new IllegalStateException("writer already committed or closed");
        }
        out.write((ItemCodec.toJsonLine(item) + "\n").getBytes(StandardCharsets.UTF_8));
        count++;
    }

    /** The number of items written so far. */
    public long count() {
        return count;
    }

    /** Lowercase hex SHA-256 of the item bytes written so far (what the loaded dataset's sha256 will be). */
    public String sha256() {
        try {
            return Hashing.hex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Finishes the item file, writes the manifest beside it and moves both into place (items first). Returns the
     * items' sha256.
     */
    public String commit(Manifest manifest) throws IOException {
        if (finished) {
            throw new IllegalStateException("writer already committed or closed");
        }
        out.close();
        finished = true;
        String sha = Hashing.hex(digest.digest());
        Path manifestTarget = manifestPath(target);
        Path manifestTemp = tempBeside(manifestTarget);
        try {
            Files.writeString(manifestTemp, ManifestIo.write(manifest), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            move(temp, target);
            move(manifestTemp, manifestTarget);
        } finally {
            Files.deleteIfExists(manifestTemp);
            Files.deleteIfExists(temp);
        }
        return sha;
    }

    /** Discards the output unless {@link #commit(Manifest)} was called. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static Path tempBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
