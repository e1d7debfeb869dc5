package dev.tailgap.datasets;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers shared by the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A test resource under {@code /dev/tailgap/datasets/} as a file path. */
    static Path resource(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/dev/tailgap/datasets/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file in the shared data folder found by walking up from the working directory, if present. */
    static Optional<Path> shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A valid item line with the given id and frequency. */
    static String line(String id, double frequency) {
        return DatasetWriter.jsonLine(item(id, frequency));
    }

    static Item item(String id, double frequency) {
        return new Item(id, "Question about " + id + "?", List.of("answer " + id), "concept " + id, frequency,
                null, Map.of());
    }

    static Manifest manifest(String name) {
        return new Manifest(name, "1", "", "", "", "", "", null);
    }
}
