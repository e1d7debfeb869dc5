package dev.tailgap.datasets;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The {@link ImporterProvider}s on the class path, found with {@link java.util.ServiceLoader}. */
public final class Importers {
    private Importers() {
    }

    /**
     * Every importer, sorted by name.
     *
     * @throws IllegalStateException when two importers share a name (the message names both classes)
     */
    public static List<ImporterProvider> all() {
        return Plugins.load(ImporterProvider.class, ImporterProvider::name);
    }

    /** The importer named {@code name}; the error lists the ones that exist. */
    public static ImporterProvider get(String name) throws DatasetException {
        List<ImporterProvider> all = all();
        for (ImporterProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new DatasetException("no importer named '" + name + "'; available: "
                + all.stream().map(ImporterProvider::name).collect(Collectors.joining(", "))
                + " (see: tailgap list importers)");
    }

    /** Runs the importer {@code name} on {@code request}, first refusing options it does not read. */
    public static ImportResult run(String name, ImportRequest request) throws DatasetException, IOException {
        ImporterProvider importer = get(name);
        for (String option : request.options().keySet()) {
            if (!importer.options().contains(option)) {
                throw new DatasetException("import " + name + " does not take --" + option + " (it takes: "
                        + new TreeSet<>(importer.options()).stream().map(o -> "--" + o)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return importer.run(request);
    }
}
