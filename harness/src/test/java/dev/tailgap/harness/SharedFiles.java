package dev.tailgap.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a file of the shared test material that sits beside the repository ({@code ../shared}), if present. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Optional<Path> find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
