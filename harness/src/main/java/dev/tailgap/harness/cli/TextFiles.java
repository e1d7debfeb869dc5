package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing a file the user named (a comparison, a trend, a sweep summary): whole or not at all. */
final class TextFiles {
    private TextFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file} through a temporary file renamed into place, creating its
     * directory; a failure is a one-line usage error naming the file.
     */
    static void writeAtomically(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw TailgapException.usage("cannot write " + file + ": " + e.getMessage());
        }
    }
}
