package dev.tailgap.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a dataset's bytes come from: a JSON Lines item file and, optionally, the manifest beside it.
 *
 * <p>Contract: {@link #openItems()} returns a fresh stream over the same bytes each time it is called (the loader
 * reads the items more than once); {@link #manifest()} is empty when there is no manifest and fails with a
 * {@link DatasetException} naming the manifest file, line and key when there is one but it is malformed.
 */
public interface DatasetSource {

    /** The resource folder holding the bundled datasets. */
    String BUNDLED_ROOT = "/dev/tailgap/datasets/bundled/";

    /** A user-facing location: the file path as given, or {@code bundled:NAME}. */
    String location();

    /** Opens the raw item bytes. The caller closes the stream. */
    InputStream openItems() throws IOException;

    /** The manifest beside the items, if there is one. */
    Optional<Manifest> manifest() throws DatasetException;

    /** The dataset's natural name: the bundled name, or the item file's name without {@code .jsonl}. */
    default String name() {
        String loc = location();
        if (loc.startsWith("bundled:")) {
            return loc.substring("bundled:".length());
        }
        return stem(loc.substring(Math.max(loc.lastIndexOf('/'), loc.lastIndexOf('\\')) + 1));
    }

    /** An item file on disk; its manifest is {@code NAME.manifest.yaml} beside {@code NAME.jsonl}. */
    static DatasetSource file(Path jsonl) {
        return new FileSource(jsonl);
    }

    /**
     * A dataset shipped on the classpath as {@code /dev/tailgap/datasets/bundled/NAME.jsonl} (and
     * {@code NAME.manifest.yaml}).
     *
     * @throws IllegalArgumentException when there is no such bundled dataset
     */
    static DatasetSource bundled(String name) {
        if (!BundledSource.exists(name)) {
            throw new IllegalArgumentException("no bundled dataset '" + name + "' (bundled: "
                    + String.join(", ", bundledNames()) + ")");
        }
        return new BundledSource(name);
    }

    /** The names listed in the bundled index, in index order (blank lines and {@code #} comments ignored). */
    static List<String> bundledNames() {
        InputStream in = DatasetSource.class.getResourceAsStream(BUNDLED_ROOT + "index.txt");
        if (in == null) {
            return List.of();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundled dataset when {@code nameOrPath} (optionally prefixed {@code bundled:}) names one, else the item file at
     * that path.
     *
     * @throws DatasetException when it is neither an existing file nor a bundled dataset
     */
    static DatasetSource resolve(String nameOrPath) throws DatasetException {
        String bare = nameOrPath.startsWith("bundled:") ? nameOrPath.substring("bundled:".length()) : nameOrPath;
        if (BundledSource.exists(bare)) {
            return new BundledSource(bare);
        }
        if (!nameOrPath.startsWith("bundled:")) {
            try {
                Path path = Path.of(nameOrPath);
                if (Files.isRegularFile(path)) {
                    return new FileSource(path);
                }
            } catch (InvalidPathException e) {
                // not a usable path: fall through to the not-found error
            }
        }
        throw new DatasetException("dataset '" + nameOrPath + "' not found: no such file and no bundled dataset of"
                + " that name (bundled: " + String.join(", ", bundledNames()) + ")");
    }

    /** The file name without a {@code .jsonl} extension (or, failing that, without its last extension). */
    static String stem(String fileName) {
        if (fileName.endsWith(".jsonl")) {
            return fileName.substring(0, fileName.length() - ".jsonl".length());
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
