package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The listing of {@code tailgap list datasets} and {@code tailgap datasets list}: the bundled datasets, then the
 * {@code .jsonl} datasets in each given directory (not recursive, by file name), one line each: name, id, items,
 * license and what the frequency measures. A file that does not load is listed with why, and the listing goes on.
 */
final class DatasetListing {
    private DatasetListing() {
    }

    static void print(PrintWriter out, List<Path> dirs) {
        for (String name : DatasetSource.bundledNames()) {
            line(out, name, DatasetSource.bundled(name));
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw TailgapException.usage(dir + ": not a directory");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException e) {
                throw TailgapException.usage(dir + ": cannot list: " + e.getMessage());
            }
            for (Path file : files) {
                line(out, file.toString(), DatasetSource.file(file));
            }
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, DatasetSource source) {
        try {
            Dataset d = DatasetLoader.load(source, LoadOptions.strict());
            out.printf("%-16s %s, %d items, %s: %s%n", label, d.manifest().id(), d.size(),
                    d.manifest().license().isEmpty() ? "license not stated" : d.manifest().license(),
                    d.manifest().frequencySource().isEmpty() ? "frequency source not stated"
                            : d.manifest().frequencySource());
        } catch (DatasetException e) {
            out.printf("%-16s does not load: %s%n", label, e.getMessage());
        }
    }
}
