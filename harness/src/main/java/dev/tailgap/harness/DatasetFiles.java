package dev.tailgap.harness;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.LoadOptions;
import dev.tailgap.datasets.LoadProblem;
import java.util.List;
import java.util.stream.Stream;

/** Loads a dataset by bundled name or path for the harness, turning load problems into usage errors (exit 2). */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    public static Dataset load(String nameOrPath, boolean skipInvalid) {
        try {
            return DatasetLoader.load(DatasetSource.resolve(nameOrPath), new LoadOptions(skipInvalid, 50));
        } catch (DatasetException e) {
            throw usage(e);
        }
    }

    /**
     * A usage error (exit 2) for {@code e}: its summary line, then one line per problem kept
     * ({@code file:line: field: problem}), then how many more there were.
     */
    public static TailgapException usage(DatasetException e) {
        StringBuilder b = new StringBuilder(e.getMessage());
        for (LoadProblem p : e.problems()) {
            if (!p.toString().equals(e.getMessage())) {
                b.append(System.lineSeparator()).append("  ").append(p);
            }
        }
        if (e.omittedProblems() > 0) {
            b.append(System.lineSeparator()).append("  ... and ").append(e.omittedProblems()).append(" more problem")
                    .append(e.omittedProblems() == 1 ? "" : "s");
        }
        return TailgapException.usage(b.toString());
    }

    /** All valid items in file order (for small datasets: the synthetic model learns them). */
    public static List<Item> items(Dataset dataset) {
        try (Stream<Item> s = dataset.items()) {
            return s.toList();
        }
    }
}
