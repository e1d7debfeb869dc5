package dev.tailgap.harness;

import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetLoader;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.Item;
import dev.tailgap.datasets.LoadOptions;
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
            throw TailgapException.usage(e.getMessage());
        }
    }

    /** All valid items in file order (for small datasets: the synthetic model learns them). */
    public static List<Item> items(Dataset dataset) {
        try (Stream<Item> s = dataset.items()) {
            return s.toList();
        }
    }
}
