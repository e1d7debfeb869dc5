package dev.tailgap.datasets;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/** A dataset shipped as classpath resources under {@link DatasetSource#BUNDLED_ROOT}. */
record BundledSource(String name) implements DatasetSource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static boolean exists(String name) {
        return NAME.matcher(name).matches()
                && DatasetSource.class.getResource(BUNDLED_ROOT + name + ".jsonl") != null;
    }

    @Override
    public String location() {
        return "bundled:" + name;
    }

    @Override
    public InputStream openItems() throws IOException {
        InputStream in = DatasetSource.class.getResourceAsStream(BUNDLED_ROOT + name + ".jsonl");
        if (in == null) {
            throw new FileNotFoundException("bundled dataset resource missing: " + name + ".jsonl");
        }
        return in;
    }

    @Override
    public Optional<Manifest> manifest() throws DatasetException {
        String where = "bundled:" + name + ".manifest.yaml";
        try (InputStream in = DatasetSource.class.getResourceAsStream(BUNDLED_ROOT + name + ".manifest.yaml")) {
            return in == null ? Optional.empty() : Optional.of(ManifestIo.read(where, in));
        } catch (IOException e) {
            throw new DatasetException(where + ": cannot read manifest: " + e.getMessage(), e);
        }
    }
}
