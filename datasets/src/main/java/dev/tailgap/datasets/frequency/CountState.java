package dev.tailgap.datasets.frequency;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The saved progress of a count, so that a killed count continues where it stopped: a directory with the count's
 * {@code plan} (a text fingerprint of the dataset, the options and every corpus file's path, size and modification
 * time), one {@code unit-N.counts} file per counted unit, {@code unit-N.skipped} per bad unit skipped and
 * {@code file-N.sha256} per hashed file. Every file is written to a temporary name and moved into place, so a kill
 * leaves a unit either saved whole or not at all. Thread-safe: each unit is saved by one thread.
 */
public final class CountState {
    private static final String PLAN = "plan";
    private final Path dir;

    private CountState(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens the state in {@code dir} for a count whose plan is {@code plan}, creating it if absent.
     *
     * @throws IllegalStateException when {@code dir} holds the state of a different count
     */
    public static CountState open(Path dir, String plan) throws IOException {
        Files.createDirectories(dir);
        Path planFile = dir.resolve(PLAN);
        if (Files.exists(planFile)) {
            String saved = Files.readString(planFile, StandardCharsets.UTF_8);
            if (!saved.equals(plan)) {
                throw new IllegalStateException(dir + " holds the saved progress of a different count (the dataset, "
                        + "the corpus files or the options changed); delete it to start over");
            }
        } else {
            write(planFile, out -> out.write(plan.getBytes(StandardCharsets.UTF_8)));
        }
        return new CountState(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The saved counts of unit {@code index}, or {@code null} when it was not counted. */
    public CorpusCounts counts(int index, ConceptMatcher matcher) throws IOException {
        Path p = dir.resolve("unit-" + index + ".counts");
        if (!Files.exists(p)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
            return CorpusCounts.read(in, matcher);
        }
    }

    public void saveCounts(int index, CorpusCounts counts) throws IOException {
        write(dir.resolve("unit-" + index + ".counts"), out -> {
            DataOutputStream d = new DataOutputStream(out);
            counts.write(d);
            d.flush();
        });
    }

    /** The problem saved for unit {@code index} when it was skipped as bad, or {@code null}. */
    public String skipped(int index) throws IOException {
        Path p = dir.resolve("unit-" + index + ".skipped");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    public void saveSkipped(int index, String problem) throws IOException {
        write(dir.resolve("unit-" + index + ".skipped"), out -> out.write(problem.getBytes(StandardCharsets.UTF_8)));
    }

    /** The saved sha256 of file {@code index}, or {@code null}. */
    public String sha256(int fileIndex) throws IOException {
        Path p = dir.resolve("file-" + fileIndex + ".sha256");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    public void saveSha256(int fileIndex, String sha256) throws IOException {
        write(dir.resolve("file-" + fileIndex + ".sha256"), out -> out.write(sha256.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes the state (after the counted dataset was written). */
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
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
