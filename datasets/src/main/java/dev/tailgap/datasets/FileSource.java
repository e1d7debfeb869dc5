package dev.tailgap.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A dataset item file on disk with an optional {@code NAME.manifest.yaml} beside it. */
record FileSource(Path path) implements DatasetSource {

    FileSource {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public InputStream openItems() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public Optional<Manifest> manifest() throws DatasetException {
        Path manifest = manifestPath(path);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            return Optional.of(ManifestIo.read(manifest.toString(), in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DatasetException(manifest + ": cannot read manifest: " + e.getMessage(), e);
        }
    }

    /** {@code NAME.manifest.yaml} beside {@code NAME.jsonl}. */
    static Path manifestPath(Path jsonl) {
        Path fileName = jsonl.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("not a file path: " + jsonl);
        }
        return jsonl.resolveSibling(DatasetSource.stem(fileName.toString()) + ".manifest.yaml");
    }
}
